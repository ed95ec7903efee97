// netstandard2.0 lacks the types the compiler needs for records and init-only members.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit;
}
