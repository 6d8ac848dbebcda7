using System.Net;

namespace Rasid.Web.Tests.Api;

public sealed class SecurityTests(RasidWebFactory factory) : IClassFixture<RasidWebFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/events")]
    [InlineData("/api/nothing")]
    public async Task Every_response_carries_a_policy_without_inline_scripts(string url)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(url);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task The_dashboard_page_has_no_inline_script_or_handler()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"module\" src=", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html);
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html);
        Assert.DoesNotMatch(@"\sstyle\s*=", html);
    }

    [Fact]
    public void A_configured_tile_server_is_allowed_for_images_only()
    {
        var policy = RasidServer.ContentSecurityPolicy("https://tiles.example.org/{z}/{x}/{y}.png");
        Assert.Contains("img-src 'self' data: https://tiles.example.org;", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_is_read_only_for_other_methods()
    {
        using var client = factory.CreateClient();
        using var delete = await client.DeleteAsync("/api/events/" + SamplesDatabase.MergedEventId);
        Assert.True(delete.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound, delete.StatusCode.ToString());
    }
}
