@echo off
rem JumpDesk temporary support client: connects this computer to your representative for one session.
rem Nothing is installed. It needs Java 17 or later. Type "end" and Enter to end the session.
java -jar "%~dp0jump-client.jar" --session-key "@KEY@" --site "@SITE@" --site-fingerprint "@FINGERPRINT@"
pause
