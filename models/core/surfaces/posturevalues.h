// SPDX-License-Identifier: Apache-2.0
// The values of a local surface's posture, as the engine judges them: one name table per dimension (the words Codex
// and `codex doctor` use, which the reports print and the fixes write) and one order from closed to open. Rules, fixes
// and the fix safety check compare these, never the words.
#pragma once

#include <QLatin1StringView>
#include <QString>

#include <optional>
#include <span>

namespace Posture::Core {

// Each dimension's values, closed to open: unless-trusted asks most, never never asks (granular asks for what it
// lists: as open as on-request, see openness()).
enum class ApprovalPolicy { UnlessTrusted, OnRequest, Granular, Never };
enum class SandboxMode { ReadOnly, WorkspaceWrite, DangerFullAccess };
enum class FilesystemAccess { Restricted, Unrestricted };
enum class NetworkAccess { Restricted, Enabled };
enum class WebSearch { Disabled, Cached, Live }; // the web_search key; Codex's default is cached

// The words of a dimension's values, in the enum's order.
template <typename Value> struct PostureWords;
template <> struct PostureWords<ApprovalPolicy>
{
    static constexpr QLatin1StringView names[] = {QLatin1StringView("unless-trusted"), QLatin1StringView("on-request"),
        QLatin1StringView("granular"), QLatin1StringView("never")};
};
template <> struct PostureWords<SandboxMode>
{
    static constexpr QLatin1StringView names[] = {
        QLatin1StringView("read-only"), QLatin1StringView("workspace-write"), QLatin1StringView("danger-full-access")};
};
template <> struct PostureWords<FilesystemAccess>
{
    static constexpr QLatin1StringView names[] = {QLatin1StringView("restricted"), QLatin1StringView("unrestricted")};
};
template <> struct PostureWords<NetworkAccess>
{
    static constexpr QLatin1StringView names[] = {QLatin1StringView("restricted"), QLatin1StringView("enabled")};
};
template <> struct PostureWords<WebSearch>
{
    static constexpr QLatin1StringView names[] = {
        QLatin1StringView("disabled"), QLatin1StringView("cached"), QLatin1StringView("live")};
};

// "on-request", "danger-full-access", "restricted", "enabled", "live", ...
template <typename Value> QString postureName(Value value)
{
    return PostureWords<Value>::names[std::size_t(value)];
}

// The value a word names; null for any other word (an empty one: Codex would not start).
template <typename Value> std::optional<Value> postureValue(QStringView word)
{
    const std::span<const QLatin1StringView> names = PostureWords<Value>::names;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (word == names[i])
            return Value(i);
    }
    return std::nullopt;
}

// How open a value is: a larger number gives Codex more (the enum's order).
template <typename Value> int openness(Value value)
{
    return int(value);
}
// Granular asks for what it lists: as open as on-request.
inline int openness(ApprovalPolicy value)
{
    return value == ApprovalPolicy::Granular ? int(ApprovalPolicy::OnRequest) : int(value);
}

// `after` gives Codex more than `before`; two words that name no value are never wider.
template <typename Value> bool widerThan(QStringView after, QStringView before)
{
    const std::optional<Value> from = postureValue<Value>(before);
    const std::optional<Value> to = postureValue<Value>(after);
    return from && to && openness(*to) > openness(*from);
}

} // namespace Posture::Core
