/* desk-remediation-page-private.h
 *
 * Copyright 2026 The Incident Desk developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "desk-remediation-page.h"

G_BEGIN_DECLS

/* The page does the store's work for the checklist views and item rows inside it (they find it
 * with gtk_widget_get_ancestor()), so that every request shares the page's cancellable and
 * "loading" count. */
gint64       _desk_remediation_page_now               (DeskRemediationPage *self);
void         _desk_remediation_page_save_item         (DeskRemediationPage *self,
                                                       DeskChecklistItem   *item);
void         _desk_remediation_page_move_item         (DeskRemediationPage *self,
                                                       DeskChecklistItem   *item,
                                                       guint                position);
void         _desk_remediation_page_remove_item       (DeskRemediationPage *self,
                                                       DeskChecklistItem   *item);
void         _desk_remediation_page_add_item          (DeskRemediationPage *self,
                                                       DeskChecklist       *checklist,
                                                       const char          *text);
void         _desk_remediation_page_save_checklist    (DeskRemediationPage *self,
                                                       DeskChecklist       *checklist);
void         _desk_remediation_page_delete_checklist  (DeskRemediationPage *self,
                                                       DeskChecklist       *checklist,
                                                       gboolean             confirm);
void         _desk_remediation_page_add_checklist     (DeskRemediationPage *self,
                                                       const char          *template_id);

/* For tests */
const char  *_desk_remediation_page_get_visible_state (DeskRemediationPage *self);
guint        _desk_remediation_page_get_n_checklists  (DeskRemediationPage *self);
GtkWidget   *_desk_remediation_page_get_checklist_view (DeskRemediationPage *self,
                                                       guint                index);

G_END_DECLS
