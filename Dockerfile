# Multi-stage build of the Syndication worker: SDK image to build, runtime image to run, as a non-root user.
# Runs with a read-only root filesystem: the only writable path it needs is /tmp (health file), mount it as tmpfs:
#   docker run --read-only --tmpfs /tmp -v /srv/newsroom/feeds:/feeds:ro \
#     -e Syndication__Storage__ServiceUri=https://<account>.blob.core.windows.net syndication run
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/ src/
RUN dotnet publish src/Syndication.Worker -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV DOTNET_ENVIRONMENT=Production \
    Syndication__FeedsPath=/feeds \
    Syndication__HealthFile=/tmp/syndication-health.json
USER app
HEALTHCHECK --interval=1m --timeout=10s CMD ["/app/syndication", "health"]
ENTRYPOINT ["/app/syndication"]
CMD ["run"]
