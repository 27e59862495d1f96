using IoTStack.Rules.Engine;
using IoTStack.Rules.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class RulesExtensions
{
    /// <summary>The document store alone (for the Api's management surface). Needs AddIoTStackDatabase.</summary>
    public static TBuilder AddRuleDocumentStore<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton<RuleDocumentStore>();
        return builder;
    }

    /// <summary>The engine, kept current with the stored documents (hot reload on change). Needs AddIoTStackDatabase.</summary>
    public static TBuilder AddRulesEngine<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddRuleDocumentStore();
        builder.Services.TryAddSingleton<RulesMetrics>();
        builder.Services.TryAddSingleton<RuleEngine>();
        builder.Services.AddHostedService<RuleDocumentReloader>();
        return builder;
    }
}
