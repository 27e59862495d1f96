namespace IoTStack.Ingest.Mqtt;

/// <summary>What a topic grant allows.</summary>
public enum TopicRight
{
    Publish,
    Subscribe,
}
