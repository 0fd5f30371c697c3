"""The production files agree with each other and with the settings: compose.yaml, the
Dockerfile, .dockerignore, .env.example and deploy/nginx.conf. No container engine is
needed: the files are read as text (PyYAML is not a dependency, so compose.yaml is read by
the small loader below, which refuses any YAML it does not understand)."""

import ipaddress
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP_IMAGE_CMD = ["gunicorn", "-c", "deploy/gunicorn.conf.py", "dinutvei.wsgi:application"]
# Read by the portal but never configured: dinutvei/wsgi.py sets it for the web process.
SET_BY_THE_PORTAL = {"DINUTVEI_WEB_PROCESS"}
# In .env.example without being read by the settings: manage.py and wsgi.py read the
# first, compose the second.
READ_ELSEWHERE = {"DJANGO_SETTINGS_MODULE", "POSTGRES_PASSWORD"}


# --- A loader for the YAML that compose.yaml is written in ----------------------------------
# Block mappings and sequences, plain and quoted scalars, one-line flow sequences, `{}`,
# anchors, aliases and `<<` merge keys. Anything else is an error, not a guess.


def load_yaml(text):
    lines = []
    for number, raw in enumerate(text.splitlines(), 1):
        content = _without_comment(raw, number).rstrip()
        if not content.strip():
            continue
        indent = len(content) - len(content.lstrip(" "))
        if content[indent] == "\t":
            raise ValueError(f"line {number}: tab in indentation")
        lines.append([indent, content.strip(), number])
    if not lines:
        return None
    value, end = _block(lines, 0, lines[0][0], {})
    if end != len(lines):
        raise ValueError(f"line {lines[end][2]}: unexpected indentation")
    return value


def _without_comment(line, number):
    quote = None
    for position, char in enumerate(line):
        if quote:
            if char == "\\" and quote == '"':
                continue
            if char == quote and not (quote == '"' and line[position - 1] == "\\"):
                quote = None
        elif char in "'\"" and (position == 0 or line[position - 1] in " [,-:"):
            quote = char
        elif char == "#" and (position == 0 or line[position - 1] in " \t"):
            return line[:position]
    if quote:
        raise ValueError(f"line {number}: unclosed quote (multi-line scalars not supported)")
    return line


def _is_sequence_item(content):
    return content == "-" or content.startswith("- ")


def _mapping_key(content):
    match = re.match(r"""([^\s'"\[\]{}#&*!|>%@`-][^:]*|<<|-[^\s:][^:]*):(?: |$)""", content)
    return (match.group(1), content[match.end() :].strip()) if match else None


def _block(lines, i, indent, anchors):
    if _is_sequence_item(lines[i][1]):
        return _sequence(lines, i, indent, anchors)
    return _mapping(lines, i, indent, anchors)


def _sequence(lines, i, indent, anchors):
    items = []
    while i < len(lines) and lines[i][0] == indent and _is_sequence_item(lines[i][1]):
        rest = lines[i][1][1:].strip()
        if not rest:
            if i + 1 >= len(lines) or lines[i + 1][0] <= indent:
                raise ValueError(f"line {lines[i][2]}: empty sequence item")
            value, i = _block(lines, i + 1, lines[i + 1][0], anchors)
        elif _mapping_key(rest):
            # "- key: value" opens a mapping at the column of its key.
            column = indent + len(lines[i][1]) - len(rest)
            lines[i] = [column, rest, lines[i][2]]
            value, i = _mapping(lines, i, column, anchors)
        else:
            value, i = _inline(rest, anchors, lines[i][2]), i + 1
        items.append(value)
    return items, i


def _mapping(lines, i, indent, anchors):
    explicit, merged = {}, {}
    while i < len(lines) and lines[i][0] == indent:
        content, number = lines[i][1], lines[i][2]
        entry = _mapping_key(content)
        if entry is None:
            raise ValueError(f"line {number}: expected `key: value`, got {content!r}")
        key, rest = entry
        i += 1
        anchor = None
        if rest.startswith("&"):
            anchor, _, rest = rest.partition(" ")
            anchor, rest = anchor[1:], rest.strip()
        if rest:
            value = _inline(rest, anchors, number)
        elif i < len(lines) and lines[i][0] > indent:
            value, i = _block(lines, i, lines[i][0], anchors)
        else:
            value = None
        if anchor:
            anchors[anchor] = value
        if key == "<<":
            if not isinstance(value, dict):
                raise ValueError(f"line {number}: `<<` must merge a mapping")
            for name, item in value.items():
                merged.setdefault(name, item)
        elif key in explicit:
            raise ValueError(f"line {number}: duplicate key {key!r}")
        else:
            explicit[key] = value
    if i < len(lines) and lines[i][0] > indent:
        raise ValueError(f"line {lines[i][2]}: unexpected indentation")
    return {**merged, **explicit}, i


def _inline(text, anchors, number):
    if text.startswith("*"):
        if text[1:] not in anchors:
            raise ValueError(f"line {number}: unknown alias {text}")
        return anchors[text[1:]]
    if text == "{}":
        return {}
    if text.startswith("["):
        if not text.endswith("]"):
            raise ValueError(f"line {number}: only one-line flow sequences are supported")
        inner = text[1:-1].strip()
        if not inner:
            return []
        items = re.findall(
            r"""\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,'"\[\]{}]+?)\s*(?:,|$)""", inner
        )
        if ", ".join(items).replace(" ", "") != inner.replace(" ", ""):
            raise ValueError(f"line {number}: flow sequence not understood: {text}")
        return [_scalar(item, number) for item in items]
    if text[0] in "{&!|>%@`":
        raise ValueError(f"line {number}: not supported here: {text}")
    return _scalar(text, number)


def _scalar(text, number):
    if text.startswith('"'):
        if not re.fullmatch(r'"(?:[^"\\]|\\.)*"', text):
            raise ValueError(f"line {number}: bad double-quoted string")
        return json.loads(text)
    if text.startswith("'"):
        if not re.fullmatch(r"'(?:[^']|'')*'", text):
            raise ValueError(f"line {number}: bad single-quoted string")
        return text[1:-1].replace("''", "'")
    lowered = text.lower()
    if lowered in {"true", "yes", "on"}:
        return True
    if lowered in {"false", "no", "off"}:
        return False
    if lowered in {"null", "~"}:
        return None
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    return text


def test_the_loader_reads_anchors_merges_and_flow_sequences():
    text = """
x-base: &base
  image: one  # a comment
  environment:
    A: "1"
    B: 'it''s'
  restart: "no"
services:
  first:
    <<: *base
    image: two
    command: ["sh", "-c", "echo '#1' $$X", plain]
  second:
    <<: *base
    ports:
      - "80:80"
      - target: 443
        published: 443
    flag: no
    empty: {}
    subnet: &net 10.0.0.0/24
    again: *net
"""
    data = load_yaml(text)
    first, second = data["services"]["first"], data["services"]["second"]
    assert first["image"] == "two" and second["image"] == "one"
    assert first["environment"] == {"A": "1", "B": "it's"} and first["restart"] == "no"
    assert first["command"] == ["sh", "-c", "echo '#1' $$X", "plain"]
    assert second["ports"] == ["80:80", {"target": 443, "published": 443}]
    assert second["flag"] is False and second["empty"] == {}
    assert second["again"] == "10.0.0.0/24"
    for bad in ["a:\n  - x\n   - y\n", "a: |\n  text\n", "a: [1,\n  2]\n", "a: 1\na: 2\n"]:
        with pytest.raises(ValueError):
            load_yaml(bad)


# --- The files -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    return load_yaml((ROOT / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def services(compose):
    return compose["services"]


def dockerfile_stages():
    """{stage name: {"from": image, "steps": [(INSTRUCTION, arguments), …]}}."""
    instructions, current = [], ""
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and not current):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        instructions.append(current + stripped)
        current = ""
    arguments, stages, stage = {}, {}, None
    for instruction in instructions:
        word, _, rest = instruction.partition(" ")
        word = word.upper()
        if word == "FROM":
            image, stage = re.fullmatch(r"(\S+)\s+AS\s+(\S+)", rest.strip(), re.I).groups()
            image = re.sub(r"\$\{(\w+)\}", lambda match: arguments[match.group(1)], image)
            stages[stage] = {"from": image, "steps": []}
        elif stage is None and word == "ARG":
            name, _, default = rest.partition("=")
            arguments[name.strip()] = default.strip()
        else:
            stages[stage]["steps"].append((word, rest.strip()))
    return stages


@pytest.fixture(scope="module")
def stages():
    return dockerfile_stages()


def steps(stage, instruction):
    return [rest for word, rest in stage["steps"] if word == instruction]


def stage_env(stage):
    env = {}
    for rest in steps(stage, "ENV"):
        for pair in shlex.split(rest):
            name, _, value = pair.partition("=")
            env[name] = value
    return env


def feeding_stages(stages, name):
    """The stage and every stage it copies files from, directly or not."""
    found = [name]
    for rest in steps(stages[name], "COPY"):
        match = re.match(r"--from=(\S+)", rest)
        if match and match.group(1) not in found:
            found += [s for s in feeding_stages(stages, match.group(1)) if s not in found]
    return found


@pytest.fixture(scope="module")
def nginx_conf():
    return (ROOT / "deploy" / "nginx.conf").read_text()


def app_servers(services):
    """The services that run gunicorn: the app image with its own command."""
    return sorted(
        name
        for name, service in services.items()
        if service.get("build", {}).get("target") == "app" and "command" not in service
    )


def internal_network(compose):
    config = compose["networks"]["internal"]
    (subnet,) = [entry["subnet"] for entry in config["ipam"]["config"]]
    return config, subnet


# --- compose.yaml ----------------------------------------------------------------------------


def test_two_app_servers_run_one_image_with_gunicorn_conf(services, stages):
    assert app_servers(services) == ["app1", "app2"]
    assert services["app1"] == services["app2"]
    assert services["app1"]["image"] == "dinutvei-app"
    # No command of their own: the image's, which starts gunicorn with its config file.
    assert json.loads(steps(stages["app"], "CMD")[-1]) == APP_IMAGE_CMD
    assert (ROOT / "deploy" / "gunicorn.conf.py").is_file()


def test_only_the_proxy_publishes_ports_80_and_443(services):
    published = {name for name, service in services.items() if service.get("ports")}
    assert published == {"proxy"}
    container_ports = {str(port).rsplit(":", 1)[-1] for port in services["proxy"]["ports"]}
    assert container_ports == {"80", "443"}
    for name in app_servers(services):
        assert "network_mode" not in services[name]


def test_the_proxy_is_built_from_the_proxy_target_and_waits_for_healthy_app_servers(services):
    proxy = services["proxy"]
    assert proxy["build"]["target"] == "proxy"
    assert "./certs:/etc/nginx/certs:ro" in proxy["volumes"]
    for name in app_servers(services):
        assert proxy["depends_on"][name]["condition"] == "service_healthy"


def test_health_checks(services, stages):
    image_check = json.loads(steps(stages["app"], "HEALTHCHECK")[-1].split(" CMD ", 1)[1])
    assert "/helse/" in image_check[-1]
    for name in app_servers(services):
        assert services[name]["healthcheck"]["test"][1:] == image_check
    assert "pg_isready" in services["db"]["healthcheck"]["test"]
    assert "redis-cli ping" in " ".join(services["redis"]["healthcheck"]["test"])


def test_app_servers_find_the_database_redis_and_trust_only_the_internal_network(compose, services):
    _, subnet = internal_network(compose)
    for name in app_servers(services):
        service = services[name]
        env = service["environment"]
        assert service["env_file"] == ".env"
        assert env["DJANGO_SETTINGS_MODULE"] == "dinutvei.settings.production"
        assert re.fullmatch(r"redis://redis:6379/\d+", env["REDIS_URL"])
        assert re.fullmatch(
            r"postgres://dinutvei:\$\{POSTGRES_PASSWORD[^}]*\}@db:5432/dinutvei",
            env["DATABASE_URL"],
        )
        assert env["GUNICORN_BIND"] == "0.0.0.0:8000"
        assert env["TRUSTED_PROXIES"] == subnet
        assert (
            env["DJANGO_STATIC_ROOT"] == stage_env(dockerfile_stages()["app"])["DJANGO_STATIC_ROOT"]
        )


def test_the_proxy_reaches_the_app_servers_only_through_the_trusted_subnet(compose, services):
    config, subnet = internal_network(compose)
    ipaddress.ip_network(subnet)
    assert config["internal"] is True
    for name in app_servers(services):
        assert set(services["proxy"]["networks"]) & set(services[name]["networks"]) == {"internal"}
    for name in ("db", "redis", "migrate"):
        assert services[name]["networks"] == ["internal"]


def test_migrate_runs_once_before_the_app_servers(services):
    migrate = services["migrate"]
    assert migrate["command"][-3:] == ["manage.py", "migrate", "--noinput"]
    assert migrate.get("restart", "no") in ("no", False)
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"
    for name in app_servers(services):
        depends_on = services[name]["depends_on"]
        assert depends_on["migrate"]["condition"] == "service_completed_successfully"
        assert depends_on["db"]["condition"] == "service_healthy"
        assert depends_on["redis"]["condition"] == "service_healthy"


def test_questions_are_purged_nightly(services):
    assert "manage.py purge_questions" in " ".join(services["purge"]["command"])


def test_long_running_services_restart_and_logs_are_rotated(services):
    for name, service in services.items():
        if name != "migrate":
            assert service["restart"] in ("unless-stopped", "always"), name
        assert service["logging"]["options"]["max-size"], name


def test_the_database_is_kept_in_a_volume_and_redis_on_no_disk(compose, services):
    assert "pgdata:/var/lib/postgresql/data" in services["db"]["volumes"]
    assert "pgdata" in compose["volumes"]
    assert services["db"]["image"].startswith("postgres:15")
    command = services["redis"]["command"]
    assert command[command.index("--save") + 1] == ""
    assert command[command.index("--appendonly") + 1] == "no"


# --- Dockerfile and .dockerignore ----------------------------------------------------------


def test_the_app_image(stages):
    app = stages["app"]
    assert app["from"].startswith("python:3.11-slim")
    user = steps(app, "USER")[-1]
    assert user.split(":")[0] not in ("root", "0")
    assert stage_env(app)["DJANGO_SETTINGS_MODULE"] == "dinutvei.settings.production"
    # A key at build time only: never one baked into the image.
    for stage in stages.values():
        assert "DJANGO_SECRET_KEY" not in stage_env(stage)


def test_the_app_image_is_built_with_translations_static_files_and_error_pages(stages):
    runs = " && ".join(
        rest for name in feeding_stages(stages, "app") for rest in steps(stages[name], "RUN")
    )
    order = [
        runs.find(f"manage.py {command}")
        for command in ("compilemessages", "collectstatic --noinput", "build_error_pages")
    ]
    assert -1 not in order and order == sorted(order), runs
    assert "manage.py migrate" not in runs  # the build has no database
    for name in feeding_stages(stages, "app"):
        if "DJANGO_STATIC_ROOT" in stage_env(stages[name]):
            assert (
                stage_env(stages[name])["DJANGO_STATIC_ROOT"]
                == stage_env(stages["app"])["DJANGO_STATIC_ROOT"]
            )


def test_dependencies_are_installed_from_the_lock_before_the_code_is_copied(stages):
    build = stages["build"]
    positions = {}
    for index, (word, rest) in enumerate(build["steps"]):
        if word == "COPY" and rest == "pyproject.toml requirements.lock ./":
            positions["lock"] = index
        if word == "RUN" and "pip install -c requirements.lock ." in rest:
            positions["install"] = index
        if word == "COPY" and rest == ". .":
            positions["code"] = index
    assert positions["lock"] < positions["install"] < positions["code"], positions


def test_the_proxy_image(stages, nginx_conf):
    proxy = stages["proxy"]
    assert proxy["from"] == "debian:bookworm-slim"
    install = " ".join(steps(proxy, "RUN"))
    for package in ("nginx", "libnginx-mod-http-brotli-filter", "libnginx-mod-http-brotli-static"):
        assert re.search(rf"(?<![\w-]){package}(?![\w-])", install), package
    copies = steps(proxy, "COPY")
    assert "deploy/nginx.conf /etc/nginx/nginx.conf" in copies
    static = [rest for rest in copies if rest.endswith(" /srv/dinutvei/static")]
    assert static and re.match(r"--from=(\S+)", static[0])
    # The static files come from the app image's own build, so the hashed names match.
    app_static = stage_env(stages["app"])["DJANGO_STATIC_ROOT"]
    assert "app" in feeding_stages(stages, "proxy")
    assert any(
        rest.startswith(f"--from=app {app_static} ")
        for name in feeding_stages(stages, "proxy")
        for rest in steps(stages[name], "COPY")
    )
    # nginx in the foreground: the command line says so, and nginx.conf must not too.
    assert json.loads(steps(proxy, "CMD")[-1]) == ["nginx", "-g", "daemon off;"]
    assert not re.search(r"^\s*daemon\s", nginx_conf, re.M)


def test_secrets_and_the_local_environment_stay_out_of_the_build_context():
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()}
    assert {".env", ".git", ".venv", "certs/"} <= ignored


# --- deploy/nginx.conf agrees with compose.yaml and the Dockerfile ----------------------------


def test_nginx_sends_requests_to_the_app_servers_of_compose(services, nginx_conf):
    upstream = re.search(r"upstream\s+\w+\s*\{(.*?)\}", nginx_conf, re.S).group(1)
    servers = re.findall(r"^\s*server\s+(\S+?)(?:\s[^;]*)?;", upstream, re.M)
    assert sorted(servers) == [f"{name}:8000" for name in app_servers(services)]


def test_nginx_finds_the_certificates_and_static_files_where_the_images_put_them(nginx_conf):
    assert "ssl_certificate /etc/nginx/certs/fullchain.pem;" in nginx_conf
    assert "ssl_certificate_key /etc/nginx/certs/privkey.pem;" in nginx_conf
    assert re.search(r"root\s+/srv/dinutvei;", nginx_conf)
    assert "include /etc/nginx/modules-enabled/*.conf;" in nginx_conf  # the brotli modules


# --- .env.example ----------------------------------------------------------------------------

ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|env_bool|env_list)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""
    r"""|["']([A-Z][A-Z0-9_]*)["']\s+in\s+os\.environ"""
)


def names_the_portal_reads():
    files = [
        *sorted((ROOT / "dinutvei" / "settings").glob("*.py")),
        *sorted((ROOT / "deploy").glob("*.py")),
    ]
    for app in ("dinutvei", "services", "articles", "questions"):
        files += [
            path
            for path in sorted((ROOT / app).rglob("*.py"))
            if "settings" not in path.parts and "migrations" not in path.parts
        ]
    names = set()
    for path in files:
        text = path.read_text()
        for match in ENV_READ.finditer(text):
            names.add(next(group for group in match.groups() if group))
        if "dj_database_url.config(" in text:  # reads DATABASE_URL by default
            names.add("DATABASE_URL")
    return names


def env_example(*, commented=True):
    """{name: value} of .env.example, with the commented-out settings or without them."""
    settings = {}
    pattern = r"#?\s*([A-Z][A-Z0-9_]*)=(.*)" if commented else r"([A-Z][A-Z0-9_]*)=(.*)"
    for line in (ROOT / ".env.example").read_text().splitlines():
        match = re.fullmatch(pattern, line.strip())
        if match:
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            settings[match.group(1)] = value
    return settings


def test_every_setting_the_portal_reads_is_in_env_example():
    read = names_the_portal_reads()
    # The reader works: these are read in settings/base.py, production.py and gunicorn.conf.py.
    assert {
        "DJANGO_SECRET_KEY",
        "REDIS_URL",
        "TRUSTED_PROXIES",
        "WEB_CONCURRENCY",
        "DJANGO_HSTS_SECONDS",
        "DATABASE_CLIENT_TIMEOUT",
    } <= read
    missing = read - SET_BY_THE_PORTAL - set(env_example())
    assert not missing, f"not in .env.example: {sorted(missing)}"


def test_env_example_names_nothing_the_portal_does_not_read():
    stale = set(env_example()) - names_the_portal_reads() - READ_ELSEWHERE
    assert not stale, f"read by nothing: {sorted(stale)}"


def test_every_variable_compose_interpolates_is_in_env_example():
    text = (ROOT / "compose.yaml").read_text().replace("$$", "")
    names = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", text))
    assert names and names <= set(env_example())


def production_environment(overrides):
    return {**env_example(commented=False), **overrides, "PATH": "/usr/bin:/bin"}


@pytest.mark.parametrize("where", ["systemd", "compose"])
def test_env_example_is_a_configuration_that_passes_the_deploy_checks(where, services):
    """The example as it is (under systemd), and with what compose sets for the app servers:
    every value parses, and `check --deploy` finds no error (the example's placeholder secret
    key is only a warning)."""
    overrides = {}
    if where == "compose":
        example = env_example()
        for name, value in services["app1"]["environment"].items():
            overrides[name] = re.sub(r"\$\{(\w+)[^}]*\}", lambda m: example[m.group(1)], value)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "ERROR"],
        cwd=ROOT,
        env=production_environment(overrides),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "dinutvei.E0" not in result.stdout + result.stderr
