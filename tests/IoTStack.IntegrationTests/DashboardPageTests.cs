using IoTStack.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IoTStack.IntegrationTests;

/// <summary>The dashboard page in a real headless Chromium.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class DashboardPageTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private readonly IoTStackTestApplication _stack = fixture.Stack;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task Lists_every_resource_with_state_health_and_endpoint_links()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_stack.DashboardUrl.ToString());

        var api = page.Locator("tr[data-name='api']");
        await Expect(api).ToContainTextAsync("Running");
        await Expect(api).ToContainTextAsync("Healthy");
        await Expect(api.Locator("a")).ToHaveAttributeAsync("href", _stack.GetEndpoint("api").ToString().TrimEnd('/'));
        await Expect(page.Locator("tr[data-name]")).ToHaveCountAsync(7);
        await Expect(page.Locator("tr[data-name='grafana']")).ToContainTextAsync("NotAvailable");
    }

    [Fact]
    public async Task Shows_the_live_console_log_of_the_clicked_resource()
    {
        var page = await _browser!.NewPageAsync();
        await page.GotoAsync(_stack.DashboardUrl.ToString());

        await page.Locator("tr[data-name='silo']").ClickAsync();

        await Expect(page.Locator("#log-title")).ToHaveTextAsync("Console log: silo");
        await Expect(page.Locator("#log")).ToContainTextAsync("[apphost] started pid");
    }
}
