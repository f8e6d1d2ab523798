/* desk-notifications-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-chart-view.h"
#include "desk-due-list.h"
#include "desk-notice-dialog.h"
#include "desk-notifications-page.h"

G_BEGIN_DECLS

/* For tests */
GtkColumnView     *_desk_notifications_page_get_column_view     (DeskNotificationsPage *self);
GListModel        *_desk_notifications_page_get_list            (DeskNotificationsPage *self);
GtkSelectionModel *_desk_notifications_page_get_selection       (DeskNotificationsPage *self);
GListModel        *_desk_notifications_page_get_notices         (DeskNotificationsPage *self);
GtkDropDown       *_desk_notifications_page_get_filter_dropdown (DeskNotificationsPage *self);
const char        *_desk_notifications_page_get_progress_text   (DeskNotificationsPage *self);
const char        *_desk_notifications_page_get_selection_text  (DeskNotificationsPage *self);
const char        *_desk_notifications_page_get_state           (DeskNotificationsPage *self);
DeskNoticeDialog  *_desk_notifications_page_open_dialog         (DeskNotificationsPage *self,
                                                                 guint                  position);
void               _desk_notifications_page_popup_row_menu      (DeskNotificationsPage *self,
                                                                 double                 x,
                                                                 double                 y);
GtkPopover        *_desk_notifications_page_get_row_popover     (DeskNotificationsPage *self);
DeskDueList       *_desk_notifications_page_get_due_list        (DeskNotificationsPage *self);
DeskChartView     *_desk_notifications_page_get_progress_chart  (DeskNotificationsPage *self);

G_END_DECLS
