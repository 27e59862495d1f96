namespace IoTStack.Rules.Documents;

/// <summary>MQTT topic name and filter rules (MQTT 5 §4.7), for checking documents before they are saved.</summary>
public static class TopicNames
{
    public static bool IsValidFilter(string? filter)
    {
        if (string.IsNullOrEmpty(filter) || filter.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            var wildcardMisused = (level.Contains('#', StringComparison.Ordinal) && (level != "#" || i != levels.Length - 1)) ||
                (level.Contains('+', StringComparison.Ordinal) && level != "+");
            if (wildcardMisused)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A name to publish to (or a part of one): no wildcards.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.IndexOfAny(['+', '#', '\0']) < 0;
}
