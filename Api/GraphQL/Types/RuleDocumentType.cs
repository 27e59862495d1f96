using GraphQL.Types;
using IoTStack.Rules.Persistence;

namespace IoTStack.Api.GraphQL.Types;

public sealed class RuleDocumentType : ObjectGraphType<StoredRuleDocument>
{
    public RuleDocumentType()
    {
        Name = "RuleDocument";
        Description = "A named filters-and-rules document (the seed's fr_script format), evaluated by every Ingest replica.";
        Field(x => x.Name).Description("'default' is the document /api/v1/fr reads and writes.");
        Field("document", x => x.Json).Description("The JSON document, { \"filters\": [...], \"rules\": [...] }, as stored (jsonb-normalised).");
        Field(x => x.UpdatedAt);
    }
}
