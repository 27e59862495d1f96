using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using IoTStack.Api.GraphQL;
using IoTStack.Api.GraphQL.Transport;
using Microsoft.Net.Http.Headers;

namespace IoTStack.Api.Tests;

/// <summary>The GraphQL-over-HTTP rules: content negotiation, status codes, and which operations GET may run.</summary>
public sealed class HttpTransportRulesTests
{
    [Theory]
    [InlineData(null, GraphQLMediaTypes.Json)]
    [InlineData("application/graphql-response+json", GraphQLMediaTypes.GraphQLResponse)]
    [InlineData("application/json", GraphQLMediaTypes.Json)]
    [InlineData("application/json, application/graphql-response+json;q=0.9", GraphQLMediaTypes.GraphQLResponse)]
    [InlineData("*/*", GraphQLMediaTypes.GraphQLResponse)]
    [InlineData("text/html", null)]
    [InlineData("application/graphql-response+json;q=0, application/json", GraphQLMediaTypes.Json)]
    public void The_response_type_follows_the_Accept_header(string? accept, string? expected)
    {
        var values = accept is null ? [] : MediaTypeHeaderValue.ParseList([accept]);

        Assert.Equal(expected, GraphQLMediaTypes.Negotiate(values));
    }

    [Fact]
    public void A_request_that_executed_is_200_even_with_field_errors()
    {
        var result = new ExecutionResult { Executed = true, Errors = [new ExecutionError("boom") { Code = ApiErrors.NotFound }] };

        Assert.Equal(200, GraphQLResponseStatus.Of(result, GraphQLMediaTypes.GraphQLResponse));
    }

    [Theory]
    [InlineData(GraphQLMediaTypes.GraphQLResponse, "GRAPHQL_VALIDATION_FAILED", 400)]
    [InlineData(GraphQLMediaTypes.Json, "GRAPHQL_VALIDATION_FAILED", 200)]
    [InlineData(GraphQLMediaTypes.GraphQLResponse, ApiErrors.Unauthenticated, 401)]
    [InlineData(GraphQLMediaTypes.Json, ApiErrors.Unauthenticated, 401)]
    [InlineData(GraphQLMediaTypes.GraphQLResponse, ApiErrors.Forbidden, 403)]
    [InlineData(GraphQLMediaTypes.Json, ApiErrors.Forbidden, 200)]
    public void A_request_that_never_executed_gets_the_spec_status_for_its_media_type(string mediaType, string code, int status)
    {
        var result = new ExecutionResult { Executed = false, Errors = [new ValidationError("no") { Code = code }] };

        Assert.Equal(status, GraphQLResponseStatus.Of(result, mediaType));
    }

    [Theory]
    [InlineData("{ sources { name } }", null, OperationType.Query)]
    [InlineData("mutation { endMapping(physicalUid: 1) { isOpen } }", null, OperationType.Mutation)]
    [InlineData("query A { sources { name } } mutation B { x }", "B", OperationType.Mutation)]
    [InlineData("query A { sources { name } } mutation B { x }", null, null)]
    [InlineData("subscription { telemetry(logicalUid: 1) { value } }", null, OperationType.Subscription)]
    [InlineData("{ not closed", null, null)]
    public void The_operation_kind_is_known_before_execution(string query, string? operationName, OperationType? expected)
    {
        Assert.Equal(expected, OperationKind.Of(query, operationName));
    }
}
