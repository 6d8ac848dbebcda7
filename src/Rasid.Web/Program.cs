namespace Rasid.Web;

/// <summary>Entry point of the stand-alone web host (`dotnet Rasid.Web.dll --Rasid:Database=FILE`); `rasid serve` calls <see cref="RasidServer"/> instead.</summary>
public sealed class Program
{
    private Program()
    {
    }

    /// <summary>Builds the app from the command line and configuration and serves until stopped.</summary>
    public static async Task<int> Main(string[] args)
    {
        var app = RasidServer.Build(args);
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
