package org.jumpdesk.admin.installers;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * E-mails an installer's download link to its recipients through the server's mail session
 * ({@code java:jboss/mail/JumpDesk}, SMTP from {@code JUMPDESK_SMTP_*}), in the sending administrator's
 * language. One message, every recipient in {@code To}: they may all use the same link.
 */
@ApplicationScoped
public class InstallerMail {

    @Resource(lookup = "java:jboss/mail/JumpDesk")
    private Session session;

    /**
     * Sends the link.
     *
     * @throws MessagingException when the SMTP server cannot be reached or refuses the message
     */
    public void send(List<InternetAddress> recipients, String link, String fileName, Instant validUntil, Locale locale)
            throws MessagingException {
        ResourceBundle texts = ResourceBundle.getBundle("org.jumpdesk.web.messages", locale);
        MimeMessage message = new MimeMessage(session);
        message.setRecipients(Message.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
        message.setSubject(texts.getString("installers.mail.subject"), "UTF-8");
        message.setText(
                new MessageFormat(texts.getString("installers.mail.body"), locale)
                        .format(new Object[] {link, fileName, Date.from(validUntil)}),
                "UTF-8");
        message.setSentDate(new Date());
        Transport.send(message);
    }
}
