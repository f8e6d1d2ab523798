/* desk-notice-breakdown.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define DESK_TYPE_NOTICE_BREAKDOWN (desk_notice_breakdown_get_type())

G_DECLARE_FINAL_TYPE (DeskNoticeBreakdown, desk_notice_breakdown, DESK, NOTICE_BREAKDOWN, AdwBin)

const char *desk_notice_breakdown_get_title            (DeskNoticeBreakdown *self);
void        desk_notice_breakdown_set_title            (DeskNoticeBreakdown *self,
                                                        const char          *title);
const char *desk_notice_breakdown_get_placeholder_text (DeskNoticeBreakdown *self);
void        desk_notice_breakdown_set_placeholder_text (DeskNoticeBreakdown *self,
                                                        const char          *placeholder_text);
void        desk_notice_breakdown_remove_all           (DeskNoticeBreakdown *self);
void        desk_notice_breakdown_add_row              (DeskNoticeBreakdown *self,
                                                        const char          *title,
                                                        const char          *value,
                                                        double               fraction,
                                                        const char          *css_class);

G_END_DECLS
