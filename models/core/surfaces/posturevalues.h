// SPDX-License-Identifier: Apache-2.0
// The values of a local surface's posture, as the engine judges them: one name table per dimension (the words Codex
// and `codex doctor` use, which the reports print and the fixes write) and one order from closed to open. Rules, fixes
// and the fix safety check compare these, never the words.
#pragma once

#include <QString>

#include <optional>

namespace Posture::Core {

// Closed to open: unless-trusted asks most, never never asks; granular asks for what it lists (as open as on-request).
enum class ApprovalPolicy { UnlessTrusted, OnRequest, Granular, Never };
enum class SandboxMode { ReadOnly, WorkspaceWrite, DangerFullAccess };
enum class FilesystemAccess { Restricted, Unrestricted };
enum class NetworkAccess { Restricted, Enabled };
enum class WebSearch { Disabled, Cached, Live }; // the web_search key; Codex's default is cached

// "unless-trusted", "on-request", "granular", "never"; "read-only", ...; "restricted", "unrestricted"; "restricted",
// "enabled"; "disabled", "cached", "live".
QString postureName(ApprovalPolicy value);
QString postureName(SandboxMode value);
QString postureName(FilesystemAccess value);
QString postureName(NetworkAccess value);
QString postureName(WebSearch value);

// The value a word names; null for any other word (an empty one: Codex would not start).
template <typename Value> std::optional<Value> postureValue(QStringView word);

template <> std::optional<ApprovalPolicy> postureValue<ApprovalPolicy>(QStringView word);
template <> std::optional<SandboxMode> postureValue<SandboxMode>(QStringView word);
template <> std::optional<FilesystemAccess> postureValue<FilesystemAccess>(QStringView word);
template <> std::optional<NetworkAccess> postureValue<NetworkAccess>(QStringView word);
template <> std::optional<WebSearch> postureValue<WebSearch>(QStringView word);

// How open a value is: a larger number gives Codex more.
int openness(ApprovalPolicy value);
int openness(SandboxMode value);
int openness(FilesystemAccess value);
int openness(NetworkAccess value);
int openness(WebSearch value);

// `after` gives Codex more than `before`; two words that name no value are never wider.
template <typename Value> bool widerThan(QStringView after, QStringView before)
{
    const std::optional<Value> from = postureValue<Value>(before);
    const std::optional<Value> to = postureValue<Value>(after);
    return from && to && openness(*to) > openness(*from);
}

} // namespace Posture::Core
