using System.Runtime.CompilerServices;

namespace IoTStack.Hosting;

/// <summary>
/// A string made of literals and <see cref="IValueProvider"/>s, written with string interpolation:
/// <c>ReferenceExpression.Create($"Host={host};Port={port}")</c>. At run time it yields the real string; in the
/// manifest it yields the same text with <c>{resource.property}</c> expressions in place of the values.
/// </summary>
public sealed class ReferenceExpression : IValueProvider
{
    private readonly IReadOnlyList<object> _parts;

    private ReferenceExpression(IReadOnlyList<object> parts) => _parts = parts;

    public static ReferenceExpression Create(ref Handler handler) => new(handler.Parts);

    public string GetValue() => string.Concat(_parts.Select(p => p is IValueProvider v ? v.GetValue() : (string)p));

    public string ManifestExpression =>
        string.Concat(_parts.Select(p => p is IValueProvider v ? v.ManifestExpression : (string)p));

    [InterpolatedStringHandler]
    public readonly struct Handler
    {
        public Handler(int literalLength, int formattedCount) => _ = (literalLength, formattedCount);

        internal List<object> Parts { get; } = [];

        public void AppendLiteral(string value) => Parts.Add(value);

        public void AppendFormatted(IValueProvider value) => Parts.Add(value);

        public void AppendFormatted(string value) => Parts.Add(value);
    }
}
