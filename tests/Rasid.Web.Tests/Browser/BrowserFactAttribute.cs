namespace Rasid.Web.Tests.Browser;

/// <summary>
/// A browser test: runs when Debian's Chromium is installed (/usr/bin/chromium, or $RASID_CHROMIUM). Without it the test is
/// skipped with a message locally, but runs (and fails) under CI=true, where .ci/run installs Chromium.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("RASID_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !InCi)
        {
            Skip = $"Chromium not found at {ChromiumPath}: browser tests skipped (apt-get install chromium; CI=true makes this a failure).";
        }
    }
}
