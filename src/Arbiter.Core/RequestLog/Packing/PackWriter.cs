using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Arbiter.Core.RequestLog.Packing;

/// <summary>
/// Appends values to a byte array that grows as needed, in the layout <see cref="PackReader"/> reads. The bytes
/// never leave the process, so the layout is whatever is cheapest to write and read back: fixed-size little-endian
/// numbers, a presence byte before an optional value, and strings as UTF-16 (a copy, no transcoding) after their
/// length (-1 for null), aligned to two bytes.
/// </summary>
internal ref struct PackWriter(byte[] buffer)
{
    private byte[] _buffer = buffer;
    private int _length;

    /// <summary>The array written into: the one given, or a larger one if the value outgrew it.</summary>
    public readonly byte[] Buffer => _buffer;
    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Bool(bool value) => Take(1)[0] = value ? (byte)1 : (byte)0;
    public void Int(int value) => BinaryPrimitives.WriteInt32LittleEndian(Take(4), value);
    public void Long(long value) => BinaryPrimitives.WriteInt64LittleEndian(Take(8), value);
    public void Double(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Take(8), value);

    public void Decimal(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var into = Take(16);
        for (var i = 0; i < 4; i++) BinaryPrimitives.WriteInt32LittleEndian(into[(i * 4)..], bits[i]);
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Int(-1);
            return;
        }
        Int(value.Length);
        if ((_length & 1) != 0) Take(1)[0] = 0;
        MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(Take(value.Length * 2));
    }

    public void NullableInt(int? value)
    {
        Bool(value.HasValue);
        if (value is { } v) Int(v);
    }

    public void NullableLong(long? value)
    {
        Bool(value.HasValue);
        if (value is { } v) Long(v);
    }

    public void NullableDouble(double? value)
    {
        Bool(value.HasValue);
        if (value is { } v) Double(v);
    }

    public void NullableDecimal(decimal? value)
    {
        Bool(value.HasValue);
        if (value is { } v) Decimal(v);
    }

    public void NullableBool(bool? value) => Take(1)[0] = value switch { null => 2, true => 1, false => 0 };

    private Span<byte> Take(int count)
    {
        if (_length + count > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        var span = _buffer.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
