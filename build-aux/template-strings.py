#!/usr/bin/env python3
# build-aux/template-strings.py FILE NAME OUTPUT — the translatable texts of a built-in data file
# (the checklist templates or the deadline rules), as a PO template
#
# Copyright 2026 The Incident Desk developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads FILE (data/checklist-templates.json or data/deadline-rules.json, which NAME names in
# references) and writes its texts to OUTPUT, each with its line in the file and what it is for
# the translators: each template's title and description and its items' texts; each rule's name
# and note, its stages' names and recipients, its conditions' labels, and the calendars' names.
# xgettext 0.21 reads no JSON but does read PO files: po/POTFILES.in lists OUTPUT, which
# data/meson.build writes to the build directory, so the texts stay written in one place.
# desk_template_load_builtin() and desk_rulebook_new_builtin() look them up in the catalogue.

import json
import re
import sys

# The start of a member whose value is a string. Quotes inside strings are escaped, so this
# cannot match inside one.
MEMBER = re.compile(r'"(title|description|text|name|note|recipient|label)"\s*:\s*"')


def quote(text):
    escaped = (text.replace('\\', '\\\\').replace('"', '\\"')
               .replace('\n', '\\n').replace('\t', '\\t'))
    return f'"{escaped}"'


def main():
    path, name, output = sys.argv[1:4]
    with open(path, encoding='utf-8') as f:
        source = f.read()

    # (member, text) → the lines it is on, in file order: add() is called in file order too.
    lines = {}
    for match in MEMBER.finditer(source):
        value, _ = json.decoder.scanstring(source, match.end())
        lines.setdefault((match.group(1), value), []).append(
            source.count('\n', 0, match.start()) + 1)

    # msgid → (comments, references), in file order; a text used twice is one message.
    messages = {}

    def add(member, text, comment):
        comments, references = messages.setdefault(text, ([], []))
        comments.append(comment)
        references.append(f'{name}:{lines[(member, text)].pop(0)}')

    data = json.loads(source)
    for template in data.get('templates', []):
        about = f'the checklist template “{template["id"]}”'
        add('title', template['title'], f'The title of {about}')
        if template.get('description'):
            add('description', template['description'], f'The description of {about}')
        for item in template['items']:
            owner = f', for the {item["owner"]}' if item.get('owner') else ''
            add('text', item['text'], f'An item of {about}{owner}')

    for calendar in data.get('calendars', []):
        add('name', calendar['name'], f'The name of the holiday calendar “{calendar["id"]}”')
    for rule in data.get('rules', []):
        about = f'the deadline rule “{rule["id"]}”'
        add('name', rule['name'], f'The name of {about}')
        if rule.get('note'):
            add('note', rule['note'], f'A caveat of {about}')
        for stage in rule['stages']:
            add('name', stage['name'], f'The name of the stage “{stage["id"]}” of {about}')
            add('recipient', stage['recipient'],
                f'Who is told at the stage “{stage["id"]}” of {about}')
        for condition in rule.get('conditions', []):
            add('label', condition['label'],
                f'What the condition “{condition["name"]}” of {about} means')

    with open(output, 'w', encoding='utf-8') as f:
        f.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
        for text, (comments, references) in messages.items():
            f.write('\n')
            f.writelines(f'#. {comment}\n' for comment in comments)
            f.write(f'#: {" ".join(references)}\nmsgid {quote(text)}\nmsgstr ""\n')


if __name__ == '__main__':
    main()
