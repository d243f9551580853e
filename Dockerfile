# One image per service: docker build --build-arg SERVICE=Registration -t ptsp-registration .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN dotnet publish "src/${SERVICE}/${SERVICE}.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG SERVICE
ENV SERVICE=${SERVICE} \
    ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Storage__Sqlite__Directory=/data
WORKDIR /app
COPY --from=build /app .
# A folder the app user may write (the Web keeps its data-protection keys there, in a volume).
RUN mkdir -p /data && chown app:app /data
USER app
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec dotnet /app/Ptsp.${SERVICE}.dll"]
