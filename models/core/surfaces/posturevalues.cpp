// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/posturevalues.h"

#include <QLatin1StringView>

namespace Posture::Core {

namespace {

using namespace Qt::StringLiterals;

// Each dimension's words, in the enum's order.
constexpr QLatin1StringView ApprovalNames[] = {"unless-trusted"_L1, "on-request"_L1, "granular"_L1, "never"_L1};
constexpr QLatin1StringView SandboxNames[] = {"read-only"_L1, "workspace-write"_L1, "danger-full-access"_L1};
constexpr QLatin1StringView FilesystemNames[] = {"restricted"_L1, "unrestricted"_L1};
constexpr QLatin1StringView NetworkNames[] = {"restricted"_L1, "enabled"_L1};
constexpr QLatin1StringView WebSearchNames[] = {"disabled"_L1, "cached"_L1, "live"_L1};

template <typename Value, std::size_t Count>
std::optional<Value> lookUp(const QLatin1StringView (&names)[Count], QStringView word)
{
    for (std::size_t i = 0; i < Count; ++i) {
        if (word == names[i])
            return Value(i);
    }
    return std::nullopt;
}

} // namespace

QString postureName(ApprovalPolicy value)
{
    return ApprovalNames[int(value)];
}

QString postureName(SandboxMode value)
{
    return SandboxNames[int(value)];
}

QString postureName(FilesystemAccess value)
{
    return FilesystemNames[int(value)];
}

QString postureName(NetworkAccess value)
{
    return NetworkNames[int(value)];
}

QString postureName(WebSearch value)
{
    return WebSearchNames[int(value)];
}

template <> std::optional<ApprovalPolicy> postureValue<ApprovalPolicy>(QStringView word)
{
    return lookUp<ApprovalPolicy>(ApprovalNames, word);
}

template <> std::optional<SandboxMode> postureValue<SandboxMode>(QStringView word)
{
    return lookUp<SandboxMode>(SandboxNames, word);
}

template <> std::optional<FilesystemAccess> postureValue<FilesystemAccess>(QStringView word)
{
    return lookUp<FilesystemAccess>(FilesystemNames, word);
}

template <> std::optional<NetworkAccess> postureValue<NetworkAccess>(QStringView word)
{
    return lookUp<NetworkAccess>(NetworkNames, word);
}

template <> std::optional<WebSearch> postureValue<WebSearch>(QStringView word)
{
    return lookUp<WebSearch>(WebSearchNames, word);
}

int openness(ApprovalPolicy value)
{
    // Granular asks for what it lists: as open as on-request.
    return value == ApprovalPolicy::Granular ? openness(ApprovalPolicy::OnRequest) : int(value);
}

int openness(SandboxMode value)
{
    return int(value);
}

int openness(FilesystemAccess value)
{
    return int(value);
}

int openness(NetworkAccess value)
{
    return int(value);
}

int openness(WebSearch value)
{
    return int(value);
}

} // namespace Posture::Core
