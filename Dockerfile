# syntax=docker/dockerfile:1
# Build: docker build -t talks-bot .    Run: docker run -p 8080:8080 -v talks-data:/app/state talks-bot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so this layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Bot/Bot.csproj src/Bot/
RUN dotnet restore src/Bot/Bot.csproj

COPY src/ src/
COPY data/ data/
# The same command CI runs (.ci/run) before it starts the published binary and checks /health/ready.
RUN dotnet publish src/Bot/Bot.csproj -c Release -o /app --no-restore
# Embed the bundled fact base once, here, so a container's first start loads the vectors instead of spending seconds
# embedding them (CI runs the same command). A mounted fact base embeds only the texts that differ.
RUN /app/bot embed --facts /app/data/facts --cache /app/cache/embeddings-minilm.bin

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app .
# The state folder holds the SQLite database; mount a volume there.
RUN mkdir -p /app/state && chown -R $APP_UID /app/state /app/cache
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    Facts__Path=/app/data/facts \
    Answering__EmbeddingCachePath=/app/cache/embeddings-minilm.bin \
    Storage__ConnectionString="Data Source=/app/state/bot.db"
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
    CMD ["/app/bot", "health", "--url", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["/app/bot", "serve"]
