"""``disclosure-desk server-setup URL`` and ``server-user URL NAME --organ ORGAN | --reviewer``: an office's
PostgreSQL server made ready (database, roles, schema, row-level security; upgraded when run again) and its
accounts added (docs/server.md). Exit 0 done, 2 bad input (a login refused), 3 the server cannot be reached."""

from __future__ import annotations

import argparse
import sys

from ..errors import BadInputError
from ..storage.locate import public_url
from .login import with_login


def run(args: argparse.Namespace) -> int:
    return _setup(args) if args.command == "server-setup" else _user(args)


def _with_password(url: str, password: str | None) -> str:
    if password is None:
        return url
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


def _setup(args: argparse.Namespace) -> int:
    from ..storage.server_setup import setup_database

    result = with_login(args.url, lambda password: setup_database(_with_password(args.url, password)))
    where = public_url(args.url)
    if result.created:
        print(f"已新建数据库“{result.database}”（{where}）。")
    if result.version_before == result.version:
        print(f"草稿库已是最新的第 {result.version} 版，没有改动。")
    else:
        print(
            f"草稿库已从第 {result.version_before} 版升级到第 {result.version} 版（表、角色 dd_clerk/dd_reviewer、行级权限）。"
        )
    print("下一步：用 disclosure-desk server-user 为每位办事员、审核员添加账户（见 docs/server.md）。")
    return 0


def _user(args: argparse.Namespace) -> int:
    from ..storage.server_setup import add_user_at

    password = _new_password(args)
    with_login(
        args.url,
        lambda admin: add_user_at(
            _with_password(args.url, admin),
            args.name,
            password,
            organ=args.organ or "",
            display_name=args.display_name,
            reviewer=args.reviewer,
        ),
    )
    role = "审核员（查看所有机关的草稿）" if args.reviewer else f"“{args.organ}”的办事员"
    print(f"已添加（或更新）账户 {args.name}：{role}。办事员在程序中连接 postgresql://{args.name}@服务器/数据库。")
    return 0


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        import getpass

        password = getpass.getpass(f"{args.name} 的新密码：")
        if getpass.getpass("再输入一次：") != password:
            raise BadInputError("两次输入的密码不一致，没有做任何改动。", "passwords differ")
    if len(password) < 8:
        raise BadInputError("密码至少要 8 个字符，没有做任何改动。", "password too short")
    return password
