// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStyledItemDelegate>
#include <QTableView>

namespace Posture::Views {

// The posture side by side (a PostureModel): each cell shows the risk level's icon, the value (marked where the CLI
// and the IDE extension differ) and, on a second line, where the value came from ("config.toml:4 (user)"). The
// tooltip has the level's word, the values it overrode and the ones Codex ignored.
class PostureTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostureTableView)

public:
    explicit PostureTableView(QWidget *parent = nullptr);
    ~PostureTableView() override;

    // What a cell shows: "danger-full-access\nconfig.toml:4 (user)"; "≠" after a value the other local surface
    // does not share.
    static QString cellText(const QModelIndex &index);
};

class PostureDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostureDelegate)

public:
    explicit PostureDelegate(QObject *parent = nullptr);
    ~PostureDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Posture::Views
