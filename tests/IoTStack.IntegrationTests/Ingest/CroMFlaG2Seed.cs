namespace IoTStack.IntegrationTests.Ingest;

/// <summary>The --data of the curl example in the CroMFlaG2 whitepaper, character for character.</summary>
public static class CroMFlaG2Seed
{
    public const string CurlData = """
        {
          "deviceinfo" : { "deviceid": "sample", "fw_ver" : "12345.009", "batt_lvl": 78 },
          "tsdata": [
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 75.0,
              "illuminance": 74.0, "month": 2, "motion": false, "temperature": 78.0,
              "timestamp": 1582046738255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 66.0,
              "illuminance": 96.0, "month": 2, "motion": false, "temperature": 82.0,
              "timestamp": 1582046748255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 67.0,
              "illuminance": 93.0, "month": 2, "motion": false, "temperature": 81.0,
              "timestamp": 1582046758255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 77.0,
              "illuminance": 95.0, "month": 2, "motion": true , "temperature": 80.0,
              "timestamp": 1582046768255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 70.0,
              "illuminance": 90.0, "month": 2, "motion": false, "temperature": 79.0,
              "timestamp": 1582046778255 },
            { "day": 18, "dayofweek": 2, "hour": 17, "humidity": 66.0,
              "illuminance": 86.0, "month": 2, "motion": false, "temperature": 77.0,
              "timestamp": 1582046788255 }
          ]
        }
        """;
}
