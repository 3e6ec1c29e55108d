namespace EventHub.Core.Proceedings;

/// <summary>A file ready to send: open the stream, send with these headers, dispose.</summary>
public sealed record MaterialDownload(string FullPath, string ContentType, string DownloadName, long SizeBytes)
{
    public string ContentDisposition => ProceedingsRules.ContentDisposition(DownloadName);
}
