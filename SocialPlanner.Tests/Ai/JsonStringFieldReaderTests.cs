using System.Text;
using SocialPlanner.Core.Ai;

namespace SocialPlanner.Tests.Ai;

public class JsonStringFieldReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_content_is_decoded_progressively_whatever_the_chunking(int size)
    {
        const string json = "{\"content\":\"Line \\\"one\\\"\\nSecond \\u00e9t\\u00e9 \\ud83d\\ude80 end\",\"hashtags\":[\"content\"]}";
        var reader = new JsonStringFieldReader("content");
        var text = new StringBuilder();

        for (var i = 0; i < json.Length; i += size)
        {
            text.Append(reader.Append(json.Substring(i, Math.Min(size, json.Length - i))));
        }

        Assert.Equal("Line \"one\"\nSecond été 🚀 end", text.ToString());
    }
}
