namespace Rasid.Cli;

/// <summary>Minimal option parser: --flag, --name value, --name=value, positional arguments, and "-" for stdin.</summary>
internal sealed class ArgReader
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
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
                    _options[name] = value ?? "true";
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

                    _options[name] = value;
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

    public string? Value(string name) => _options.GetValueOrDefault(name);
}
