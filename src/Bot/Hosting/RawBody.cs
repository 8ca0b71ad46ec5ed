using System.Buffers;

namespace Bot.Hosting;

/// <summary>Reads a request's raw body once, for signature checks over the exact bytes the platform sent.</summary>
internal static class RawBody
{
    /// <summary>The raw body, or null when it is larger than <paramref name="max"/> bytes (declared or actual).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length and > 0 ? (int)length : 4096);
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await request.Body.ReadAsync(memory, ct);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > max)
            {
                return null;
            }
        }
    }
}
