using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL.Access;

namespace IoTStack.Api.GraphQL.Types;

public sealed class UserType : ObjectGraphType<UserAccount>
{
    public UserType()
    {
        Name = "User";
        this.RequireAtLeast(Roles.Admin);
        Field(x => x.Username);
        Field(x => x.Role);
        Field(x => x.TokenEnabled);
        Field(x => x.CreatedAt);
    }
}

public sealed class ConsumerType : ObjectGraphType<Consumer>
{
    public ConsumerType()
    {
        Name = "Consumer";
        this.RequireAtLeast(Roles.Admin);
        Field(x => x.Id);
        Field(x => x.Name);
        Field(x => x.CreatedAt);
        Field(x => x.RevokedAt, nullable: true);
        Field(x => x.GrantedLogicalUids).Description("The logical devices this consumer may read.");
    }
}

public sealed class ConsumerKeyType : ObjectGraphType<IssuedConsumerKey>
{
    public ConsumerKeyType()
    {
        Name = "ConsumerKey";
        Description = "A new consumer and its API key. The key is shown only this once.";
        this.RequireAtLeast(Roles.Admin);
        Field<NonNullGraphType<ConsumerType>>("consumer").Resolve(context => context.Source.Consumer);
        Field(x => x.ApiKey);
    }
}
