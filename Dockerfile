# BondBot: multi-stage build. The SDK image restores and publishes; the runtime image only runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so the package layer is cached between code changes.
COPY src/Directory.Build.props src/
COPY src/BondBot/BondBot.csproj src/BondBot/
COPY src/BondBot.Discord/BondBot.Discord.csproj src/BondBot.Discord/
RUN dotnet restore src/BondBot/BondBot.csproj

COPY src/ src/
RUN dotnet publish src/BondBot/BondBot.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# This image has no system fonts: BondBot draws its pictures with the font embedded in it. Drawing each kind once here
# makes an image that cannot draw fail its build, not a couple's /insights.
RUN ["dotnet", "BondBot.dll", "--render-check"]

# The database lives on a volume so it survives image upgrades; the token comes from the environment
# (DISCORD_TOKEN), never from the image.
ENV DOTNET_ENVIRONMENT=Production \
    Database__DataDirectory=/data \
    Health__HeartbeatFile=/data/healthy
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]

# Healthy while the heartbeat file is younger than two minutes: BondBot touches it every 30 s while connected.
HEALTHCHECK --interval=60s --timeout=5s --start-period=90s --retries=3 \
    CMD test -f /data/healthy && [ $(( $(date +%s) - $(stat -c %Y /data/healthy) )) -lt 120 ] || exit 1

# The .NET images ship an unprivileged 'app' user.
USER app
ENTRYPOINT ["dotnet", "BondBot.dll"]
