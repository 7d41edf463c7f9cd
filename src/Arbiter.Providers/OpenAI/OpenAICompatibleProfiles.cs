namespace Arbiter.Providers.OpenAI;

/// <summary>Every OpenAI-compatible vendor Arbiter knows, by the <c>type:</c> name used in config.</summary>
public static class OpenAICompatibleProfiles
{
    public static readonly OpenAICompatibleProfile OpenAI = new()
    {
        Name = "openai", DefaultBaseUrl = "https://api.openai.com/v1",
        MaxTokensField = "max_completion_tokens",
    };

    public static readonly OpenAICompatibleProfile Azure = new()
    {
        Name = "azure", Auth = AuthStyle.ApiKeyHeader, DeploymentInUrl = true,
    };

    public static readonly OpenAICompatibleProfile DeepSeek = new()
    {
        Name = "deepseek", DefaultBaseUrl = "https://api.deepseek.com/v1",
    };

    public static readonly OpenAICompatibleProfile Groq = new()
    {
        Name = "groq", DefaultBaseUrl = "https://api.groq.com/openai/v1",
    };

    public static readonly OpenAICompatibleProfile Mistral = new()
    {
        Name = "mistral", DefaultBaseUrl = "https://api.mistral.ai/v1",
    };

    public static readonly OpenAICompatibleProfile OpenRouter = new()
    {
        Name = "openrouter", DefaultBaseUrl = "https://openrouter.ai/api/v1",
    };

    public static readonly OpenAICompatibleProfile Ollama = new()
    {
        Name = "ollama", DefaultBaseUrl = "http://127.0.0.1:11434/v1", RequiresKey = false,
    };

    public static readonly OpenAICompatibleProfile Vllm = new()
    {
        Name = "vllm", DefaultBaseUrl = "http://127.0.0.1:8000/v1", RequiresKey = false,
    };

    public static readonly OpenAICompatibleProfile LlamaCpp = new()
    {
        Name = "llamacpp", DefaultBaseUrl = "http://127.0.0.1:8080/v1", RequiresKey = false,
    };

    /// <summary>Any other server that speaks the OpenAI API: base_url required, key optional.</summary>
    public static readonly OpenAICompatibleProfile Generic = new() { Name = "openai-compatible", RequiresKey = false };

    public static readonly IReadOnlyDictionary<string, OpenAICompatibleProfile> ByName =
        new[] { OpenAI, Azure, DeepSeek, Groq, Mistral, OpenRouter, Ollama, Vllm, LlamaCpp, Generic }
            .ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static bool TryGet(string type, out OpenAICompatibleProfile profile) => ByName.TryGetValue(type, out profile!);

}
