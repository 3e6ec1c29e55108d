namespace EventHub.Core.Email;

public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a local relay or a test listener).</summary>
    None = 0,

    /// <summary>Connect in plain text, then upgrade with STARTTLS (usually port 587).</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect = 2,
}
