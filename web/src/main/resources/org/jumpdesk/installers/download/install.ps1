# JumpDesk Jump Client installer for Windows. It needs Java 17 or later on the PATH.
# Usage: powershell -ExecutionPolicy Bypass -File install.ps1 [--install-dir <dir>] [--jc-tag <tag>] ...
#    or, as msiexec would pass them: install.ps1 KEY_INFO=<key> jc_jump_group=<group> jc_tag=<tag>
$here = Split-Path -Parent $MyInvocation.MyCommand.Path
$java = Get-Command java -ErrorAction SilentlyContinue
if (-not $java) {
    [Console]::Error.WriteLine("jumpclient: Java 17 or later is needed on the PATH")
    try { Write-EventLog -LogName Application -Source JumpDesk -EventId 1 -EntryType Error -Message "Java 17 or later is needed on the PATH" } catch {}
    exit 1
}
& $java.Source -cp (Join-Path $here 'jump-client.jar') org.jumpdesk.agent.install.InstallerMain --package $here --command 'install.ps1' @args
exit $LASTEXITCODE
