using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace Arbiter.Core.Routing.Split;

/// <summary>
/// A stable point in [0, 1) for a caller: XxHash64 of the caller's id, seeded by the route's name, so the same
/// caller lands on the same arm across requests, processes and restarts, and each route splits independently.
/// </summary>
public static class StickyHash
{
    public static long SeedOf(string routeName) => unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(routeName)));

    public static double Point(string caller, long seed)
    {
        var hash = XxHash64.HashToUInt64(MemoryMarshal.AsBytes(caller.AsSpan()), seed);
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
