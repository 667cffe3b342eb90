# Multi-stage build of the Syndication worker: SDK image to build, runtime image to run, as the non-root `app` user.
# The health file is /var/lib/syndication/health.json, as under systemd: a directory the image gives to `app`.
# Keep it in a named volume, so that `syndication health` still sees the last run after the container is recreated;
# a new named volume takes the directory's owner from the image. With a read-only root filesystem, /tmp (where .NET
# keeps its diagnostics socket) needs a tmpfs:
#   docker run --read-only --tmpfs /tmp -v syndication-state:/var/lib/syndication \
#     -v /srv/newsroom/feeds:/feeds:ro \
#     -e Syndication__Storage__ServiceUri=https://<account>.blob.core.windows.net syndication run
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone: this layer is rebuilt only when a package or project reference
# changes, not on every change to the sources.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Directory.Build.props src/
COPY src/Syndication/Syndication.csproj src/Syndication/
COPY src/Syndication.Worker/Syndication.Worker.csproj src/Syndication.Worker/
RUN dotnet restore src/Syndication.Worker --use-current-runtime
COPY src/ src/
RUN dotnet publish src/Syndication.Worker -c Release --use-current-runtime -o /app --no-restore --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
RUN mkdir -p /var/lib/syndication && chown app:app /var/lib/syndication && chmod 0700 /var/lib/syndication
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_ENVIRONMENT=Production \
    Syndication__FeedsPath=/feeds \
    Syndication__HealthFile=/var/lib/syndication/health.json
USER app
# The probe fails until the first run has finished, and that run publishes every feed: failures in the first
# 5 minutes do not count.
HEALTHCHECK --interval=1m --timeout=10s --start-period=5m --retries=3 CMD ["/app/syndication", "health"]
ENTRYPOINT ["/app/syndication"]
CMD ["run"]
