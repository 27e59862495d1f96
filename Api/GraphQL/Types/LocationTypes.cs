using GraphQL.Types;
using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.Types;

public sealed class LocationType : ObjectGraphType<Location>
{
    public LocationType()
    {
        Name = "Location";
        Field("lat", x => x.Latitude).Description("Latitude in degrees.");
        Field("long", x => x.Longitude).Description("Longitude in degrees.");
    }
}

public sealed class LocationInputType : InputObjectGraphType<Location>
{
    public LocationInputType()
    {
        Name = "LocationInput";
        Field("lat", x => x.Latitude);
        Field("long", x => x.Longitude);
    }
}
