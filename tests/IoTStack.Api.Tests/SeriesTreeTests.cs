using IoTStack.Api.Series;

namespace IoTStack.Api.Tests;

public sealed class SeriesTreeTests
{
    [Fact]
    public void Slash_separated_names_become_the_TUM_device_tree()
    {
        var tree = SeriesTree.Build(
            ["wheels/front/left/pressure", "wheels/front/right/pressure", "wheels/rear/left/pressure", "engine/consumption", "engine"]);

        Assert.Equal(["engine", "wheels"], tree.Select(node => node.Name));
        var engine = tree[0];
        Assert.True(engine.IsSeries); // "engine" is a series and also the parent of engine/consumption
        Assert.Equal("engine/consumption", Assert.Single(engine.Children).Path);
        var front = tree[1].Children.Single(node => node.Name == "front");
        Assert.False(front.IsSeries);
        Assert.Equal(["left", "right"], front.Children.Select(node => node.Name));
        var pressure = Assert.Single(front.Children[0].Children);
        Assert.Equal(("pressure", "wheels/front/left/pressure", true), (pressure.Name, pressure.Path, pressure.IsSeries));
        Assert.Empty(pressure.Children);
    }

    [Fact]
    public void Flat_names_are_leaves_of_the_root()
    {
        var tree = SeriesTree.Build(["temperature", "humidity"]);

        Assert.All(tree, node => Assert.True(node.IsSeries && node.Children.Count == 0));
        Assert.Equal(["humidity", "temperature"], tree.Select(node => node.Path));
    }
}
