namespace Rasid.Cli;

/// <summary>
/// Minimal option parser: --flag, --name value, --name=value, positional arguments, and "-" for stdin. A valued option
/// given twice is kept twice (<see cref="Values"/>); <see cref="Value"/> refuses it, so a repeat is never silently dropped.
/// </summary>
internal sealed class ArgReader
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];

    public ArgReader(string[] args, IReadOnlySet<string> flags, IReadOnlySet<string> valued)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                _positional.AddRange(args[(i + 1)..]);
                break;
            }

            if (a.Length > 1 && a[0] == '-' && a != "-")
            {
                var name = a;
                string? value = null;
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    name = a[..eq];
                    value = a[(eq + 1)..];
                }

                if (flags.Contains(name))
                {
                    Add(name, value ?? "true");
                }
                else if (valued.Contains(name))
                {
                    if (value is null)
                    {
                        if (i + 1 >= args.Length)
                        {
                            throw new UsageException($"option {name} needs a value");
                        }

                        value = args[++i];
                    }

                    Add(name, value);
                }
                else
                {
                    throw new UsageException($"unknown option '{name}'");
                }
            }
            else
            {
                _positional.Add(a);
            }
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Flag(string name) => _options.ContainsKey(name);

    /// <summary>The option's value; null when absent; a usage error when it was given more than once.</summary>
    public string? Value(string name) => _options.GetValueOrDefault(name) switch
    {
        null => null,
        [var one] => one,
        _ => throw new UsageException($"option {name} given more than once"),
    };

    /// <summary>Every value the option was given, in order (empty when absent).</summary>
    public IReadOnlyList<string> Values(string name) => _options.GetValueOrDefault(name) ?? [];

    /// <summary>A usage error naming the first positional argument, for commands that take none.</summary>
    public void RejectPositional()
    {
        if (_positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{_positional[0]}' (this command takes options only; see --help)");
        }
    }

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }
}
