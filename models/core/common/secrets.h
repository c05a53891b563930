// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"

#include <QVariant>

namespace Posture::Core {

// Masks secrets (tokens, keys, passwords) before a value reaches any report or the UI.
namespace Secrets {

// The text that stands in for a masked secret.
QString maskedText();

// Whether a key names a secret (experimental_bearer_token, password, ...); *_env_var keys name variables instead.
bool isSecretKey(const KeyPath &path);

// Whether a value written under a key that does not name a secret is itself a secret: a known token shape (sk-...,
// ghp_..., a JWT, a Bearer credential, an AWS key, ...), credentials in a URL, or one long random run of mixed letters
// and digits standing alone. Not secrets: hashes (hex of 32, 40, 64 or 128 digits, or lists of them), paths (a named
// pipe included), URLs without credentials, words. maskText masks more than this, on purpose: it also hides what
// only might be a secret.
bool isSecretValue(const QString &value);

// Whether a value only stands in for a secret kept elsewhere: empty, "${NAME}", "$NAME", "%NAME%" or "<your token>".
// Codex does not expand variables in config.toml, so such a value reaches the server literally; it is no secret.
bool isPlaceholder(const QString &value);

// The credentials inside a text: known token shapes, Bearer/Basic credentials, a URL's password (or long lone user),
// the values of credential-named query parameters (?access_token=), flags (--token X, --api-key=X) and variable
// assignments (GITHUB_TOKEN=X); or the whole text when isSecretValue says it is one. Placeholders and paths are none.
// maskText masks every one of them, and more.
QStringList secretsIn(const QString &text);

// A credential found in a configuration value: the key path it is written under (an array's, for an element) and
// the credential's text.
struct FoundSecret
{
    KeyPath path;
    QString text;
};

// Every credential in a value written under path (tables and arrays walked): a value under a key that names a secret
// (experimental_bearer_token, password; in env, http_headers, headers and set tables an entry named like one, e.g.
// GITHUB_TOKEN), an argument after a credential flag (["--token", "X"]), and secretsIn of every text. The one
// detector behind the plaintext-secret finding; mask() hides every text it finds.
QList<FoundSecret> findSecrets(const KeyPath &path, const QVariant &value);

// The text with every token-like part (sk-..., ghp_..., Bearer ..., a URL's password, --token X, long random
// strings) masked.
QString maskText(const QString &text);

// A TOML file's text for display, with the values of secret keys (`experimental_bearer_token = "..."`, also inside
// inline tables) and every token-like text masked. Lines stay lines, so line numbers still match the file.
QString maskConfigText(const QString &text);

// The value with secrets masked: all strings under a secret key or in an env / http_headers table, and token-like
// text anywhere. Tables and arrays are masked recursively.
QVariant mask(const KeyPath &path, const QVariant &value);

} // namespace Secrets

} // namespace Posture::Core
