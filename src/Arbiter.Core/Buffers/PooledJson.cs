using System.Buffers;
using System.Text.Json;
using Arbiter.Core.OpenAIFormat;

namespace Arbiter.Core.Buffers;

/// <summary>
/// Writes a JSON document into a pooled buffer with a <see cref="Utf8JsonWriter"/> kept per thread (reset onto each
/// new output), so a request body or an answer costs neither a writer nor an array. Writing is synchronous, so the
/// writer never leaves its thread.
/// </summary>
public static class PooledJson
{
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>The document <paramref name="write"/> produces; the caller returns the array to the shared pool.</summary>
    public static (byte[] Buffer, int Length) Write<TState>(TState state, Action<Utf8JsonWriter, TState> write, int sizeHint = 4096)
    {
        var output = new PooledBufferWriter(sizeHint);
        var writer = t_writer;
        t_writer = null; // a write that re-enters on this thread gets a writer of its own
        if (writer is null) writer = new Utf8JsonWriter(output, JsonWriting.Options);
        else writer.Reset(output);
        try
        {
            write(writer, state);
            writer.Flush();
        }
        catch
        {
            writer.Dispose();
            ArrayPool<byte>.Shared.Return(output.Detach().Buffer);
            throw;
        }
        // Kept for the next write on this thread, which points it at its own output first (Reset(output)); this one's
        // array goes to the caller and is never written through the kept writer again.
        t_writer = writer;
        return output.Detach();
    }
}
