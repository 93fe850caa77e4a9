using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CineForge.Lsp;

/// <summary>
/// LSP's framing (Content-Length headers) that survives a message it cannot read: a body that is not
/// JSON, or not JSON-RPC, is logged and skipped, and the server reads the next one instead of
/// dropping the connection.
/// </summary>
internal sealed class LspMessageHandler(Stream output, Stream input, IJsonRpcMessageFormatter formatter, Action<string> log)
    : HeaderDelimitedMessageHandler(output, input, formatter)
{
    // A stream that yields nothing but garbage is not an editor: give up after this many.
    private const int MaxSkippedInARow = 100;

    /// <inheritdoc />
    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        for (var skipped = 0; ; skipped++)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or ObjectDisposedException or IOException) && skipped < MaxSkippedInARow && !cancellationToken.IsCancellationRequested)
            {
                log($"skipped a message that could not be read: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }
}
