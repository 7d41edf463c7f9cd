using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Arbiter.Core.RequestLog.Packing;

/// <summary>Reads back what <see cref="PackWriter"/> wrote, in the same order.</summary>
internal ref struct PackReader(ReadOnlySpan<byte> bytes, StringCache names)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;
    private int _position;

    public readonly bool AtEnd => _position == _bytes.Length;

    public bool Bool() => Take(1)[0] != 0;
    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public decimal Decimal()
    {
        var from = Take(16);
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++) bits[i] = BinaryPrimitives.ReadInt32LittleEndian(from[(i * 4)..]);
        return new decimal(bits);
    }

    /// <summary>A string unique to its request (an id, a message): always a new string.</summary>
    public string? String() => ReadString(Sharing.None);

    /// <summary>A string that recurs across requests (a model, a provider, a tier): shared through the cache.</summary>
    public string? Name() => ReadString(Sharing.Shared);

    /// <summary>
    /// A string from the client that usually repeats a known name (the requested model): the cached one when it is
    /// there, else a new string the cache does not keep (made-up values cannot fill it).
    /// </summary>
    public string? KnownName() => ReadString(Sharing.IfKnown);

    public int? NullableInt() => Bool() ? Int() : null;
    public long? NullableLong() => Bool() ? Long() : null;
    public double? NullableDouble() => Bool() ? Double() : null;
    public decimal? NullableDecimal() => Bool() ? Decimal() : null;
    public bool? NullableBool() => Take(1)[0] switch { 2 => null, 1 => true, _ => false };

    private enum Sharing { None, Shared, IfKnown }

    private string? ReadString(Sharing sharing)
    {
        var length = Int();
        if (length < 0) return null;
        if ((_position & 1) != 0) _position++;
        var chars = MemoryMarshal.Cast<byte, char>(Take(length * 2));
        return sharing switch
        {
            Sharing.Shared => names.Get(chars),
            Sharing.IfKnown => names.Find(chars) ?? new string(chars),
            _ => new string(chars),
        };
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        var span = _bytes.Slice(_position, count);
        _position += count;
        return span;
    }
}
