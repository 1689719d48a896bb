namespace Platform.Workers.Redecode;

/// <summary>
/// Works through re-decode jobs one chunk after another, and looks for new ones every
/// <see cref="PollInterval"/> when there is nothing to do (and right away at start, which also
/// resumes jobs a restart interrupted: they are still Running, with their cursor).
/// </summary>
public sealed partial class RedecodeService(RedecodeChunks chunks, TimeProvider time, ILogger<RedecodeService> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The host starts the next service only when this method yields.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            bool worked;
            try
            {
                worked = await chunks.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The chunk's transaction rolled back; the job is claimed again on the next poll.
                LogChunkFailed(logger, exception, PollInterval);
                worked = false;
            }

            if (!worked)
            {
                await Task.Delay(PollInterval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A re-decode chunk failed; trying again in {Delay}")]
    private static partial void LogChunkFailed(ILogger logger, Exception exception, TimeSpan delay);
}
