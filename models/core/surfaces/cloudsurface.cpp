// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/cloudsurface.h"

#include "core/config/configdocument.h"

namespace Posture::Core {

namespace {

struct Field
{
    const char *key;
    QStringList allowed; // empty: a list of strings
};

const QList<Field> &fields()
{
    static const QList<Field> known{
        {"agent_internet", {QStringLiteral("off"), QStringLiteral("on")}},
        {"allowlist", {QStringLiteral("none"), QStringLiteral("common"), QStringLiteral("all")}},
        {"extra_domains", {}},
        {"http_methods", {QStringLiteral("all"), QStringLiteral("safe")}},
    };
    return known;
}

} // namespace

QString CloudEnvironment::network() const
{
    return agentInternet == u"on" && allowlist == u"all" ? QStringLiteral("enabled") : QStringLiteral("restricted");
}

QString CloudSurface::network() const
{
    const bool enabled = std::any_of(environments.cbegin(), environments.cend(),
        [](const CloudEnvironment &environment) { return environment.network() == u"enabled"; });
    return enabled ? QStringLiteral("enabled") : QStringLiteral("restricted");
}

CloudSurface CloudSurface::documentedDefaults()
{
    // docs/reference/codex-config.md §7: agent internet is off by default; the setup phase always has internet.
    return CloudSurface{QStringLiteral("documented-defaults"), {},
        {CloudEnvironment{QStringLiteral("(documented default)"), QStringLiteral("off"), QStringLiteral("none"), {},
            QStringLiteral("safe"), {}}},
        {}};
}

CloudSurface CloudSurface::load(const QString &file)
{
    CloudSurface surface{QStringLiteral("declared"), file, {}, {}};
    const ConfigDocument document = ConfigDocument::load(file);
    if (document.status() == ConfigDocument::Status::Missing) {
        surface.messages.append({DiagnosticSeverity::Error, {file, 0, 0}, QStringLiteral("does not exist"),
            QStringLiteral("Give --cloud the path of a cloud declaration file (see README).")});
        return surface;
    }
    if (const std::optional<Diagnostic> problem = document.problem()) {
        surface.messages.append(*problem);
        return surface;
    }
    const QVariantMap environments = document.value({QStringLiteral("environments")}).toMap();
    for (auto it = environments.cbegin(); it != environments.cend(); ++it) {
        const KeyPath base{QStringLiteral("environments"), it.key()};
        const QVariantMap values = it.value().toMap();
        CloudEnvironment environment{it.key(), QStringLiteral("off"), QStringLiteral("none"), {}, QStringLiteral("all"),
            document.location(base)};
        for (auto value = values.cbegin(); value != values.cend(); ++value) {
            const auto field = std::find_if(fields().cbegin(), fields().cend(),
                [&](const Field &candidate) { return value.key() == QLatin1StringView(candidate.key); });
            const SourceLocation where = document.location(base + KeyPath{value.key()});
            if (field == fields().cend()) {
                surface.messages.append({DiagnosticSeverity::Warning, where,
                    QStringLiteral("`%1` is not a cloud declaration key; it is ignored").arg(value.key()),
                    QStringLiteral("Known keys: agent_internet, allowlist, extra_domains, http_methods.")});
            } else if (field->allowed.isEmpty()) {
                environment.extraDomains = value.value().toStringList();
            } else if (!field->allowed.contains(value.value().toString())) {
                surface.messages.append({DiagnosticSeverity::Error, where,
                    QStringLiteral("`%1` must be one of: %2")
                        .arg(value.key(), field->allowed.join(QStringLiteral(", "))),
                    {}});
            } else if (value.key() == u"agent_internet") {
                environment.agentInternet = value.value().toString();
            } else if (value.key() == u"allowlist") {
                environment.allowlist = value.value().toString();
            } else {
                environment.httpMethods = value.value().toString();
            }
        }
        surface.environments.append(environment);
    }
    if (surface.environments.isEmpty())
        surface.messages.append({DiagnosticSeverity::Warning, {file, 0, 0},
            QStringLiteral("declares no [environments.\"<name>\"] table"), {}});
    return surface;
}

} // namespace Posture::Core
