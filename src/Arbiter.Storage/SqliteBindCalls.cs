using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Arbiter.Storage;

/// <summary>
/// SQLite's bind functions called straight, for the request log's insert (<see cref="SqliteRowValues"/>): about 35
/// binds a row, once per request under load. Through SQLitePCLRaw each bind went through its provider interface and
/// a marshalled <c>SafeHandle</c> (a reference count taken and dropped), then a full transition out of managed code:
/// about a microsecond a row in the writer's profile. Here the statement's pointer is taken once per row and the
/// transition is skipped, which these functions allow: they return at once, never call back into .NET, and the
/// connection's mutex they take is held by no other thread (the writer owns its connection). The same native library
/// SQLitePCLRaw loads (<c>e_sqlite3</c>, from the app's native assets).
/// </summary>
internal static partial class SqliteBindCalls
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the text before the call returns (it lives on the caller's stack).</summary>
    private static readonly nint Transient = -1;

    public static unsafe int Text(nint statement, int index, ReadOnlySpan<byte> utf8)
    {
        // An empty span may have no address, and a null pointer would bind NULL, not "".
        fixed (byte* p = utf8.IsEmpty ? "\0"u8 : utf8) return BindText(statement, index, p, utf8.Length, Transient);
    }

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)]), SuppressGCTransition]
    private static unsafe partial int BindText(nint statement, int index, byte* text, int length, nint destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)]), SuppressGCTransition]
    public static partial int Long(nint statement, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)]), SuppressGCTransition]
    public static partial int Double(nint statement, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)]), SuppressGCTransition]
    public static partial int Null(nint statement, int index);
}
