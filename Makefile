# Leerwinst: one command each on a fresh machine that has only python3, make and apt.
#   make run    start the app          make test   lint, type-check, all tests (unit, app, e2e)
#   make test-fast  unit, AppTest and doctests, no browser (about a minute)
#   make test-deep  the property tests searching ten times harder (opt-in, slower)
#   make bench  benchmarks             make lint   ruff, mypy, import contracts   make clean
#   make deploy-check  N processes behind nginx on loopback, checked (opt-in, 15-25 s)
#   make load-proxy    wire sessions through nginx to N processes (opt-in, about a minute)
# Everything runs through .venv/bin/python -m ..., so nothing needs activating.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# -c constraints.txt pins every transitive dependency, so a fresh machine gets the versions we tested.
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt
# uv (pinned in requirements-dev.txt and the lock) installs the same pins in seconds where pip takes
# over a minute; pip stays the fallback when uv cannot be installed or fails.
UV     := $(VENV)/bin/uv
define install_requirements
	$(PIP) uv && $(UV) pip install --quiet --python $(PY) -c constraints.txt -r $(1) \
	  || { echo "make: uv failed, installing with pip"; $(PIP) -r $(1); }
endef
# Python writes each module's compiled bytecode (__pycache__, git-ignored) once, for every later
# process to reuse: the test run starts two workers, an app server per worker and some command-line
# processes, and with PYTHONDONTWRITEBYTECODE set (as in some containers) each would compile
# Streamlit, pandas and plotly from source again, about two seconds of CPU every time.
unexport PYTHONDONTWRITEBYTECODE
# apt needs root: use sudo only when we are not root and sudo exists.
SUDO   := $(shell [ "$$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && echo sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get
# Stamps live inside .venv: deleting the venv also forgets what was installed into it.
RUNTIME_STAMP := $(VENV)/.stamp-runtime
DEV_STAMP     := $(VENV)/.stamp-dev

.PHONY: run test test-all test-fast test-deep bench load lint lint-code lint-nginx clean constraints
.PHONY: chromium pdftoppm nginx system-packages deploy-check load-proxy

# --browser.serverAddress localhost: Streamlit otherwise asks checkip.amazonaws.com for a public IP
# to print at start-up; our app never contacts a third party, not even from the server.
run: $(RUNTIME_STAMP)
	$(PY) -m streamlit run app.py --browser.serverAddress localhost

# Two workers (the machine has two cores). --dist loadgroup keeps each browser-test file on one
# worker (tests/e2e/conftest.py groups them by file), so its module fixtures start once, and xdist
# hands out the largest groups first; every other test goes out on its own, so the run ends on
# small tests that share out evenly. (--dist loadfile would also send the unit-test files whole,
# largest first, and leave the browser-test files, with their few long tests, for the end.)
PYTEST_PARALLEL := -n 2 --dist loadgroup

# Two lines of work side by side on the two cores: the code is linted and type-checked (mypy keeps
# one core busy for about 40 s) while the Debian packages install (one apt run) and the tests start.
# make fails when either fails; the lint's few lines of output may appear among pytest's dots.
test:
	@$(MAKE) --no-print-directory -j2 lint-code test-all

# The whole suite after the system packages it needs (chromium, poppler, nginx) and nginx -t.
test-all: $(DEV_STAMP)
	@$(MAKE) --no-print-directory system-packages
	@$(MAKE) --no-print-directory lint-nginx
	@# Exit code 5 means "no tests collected": an empty suite must never count as a pass.
	@$(PY) -m pytest $(PYTEST_PARALLEL); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests, failing" >&2; fi; \
	  exit $$rc

# The property tests searching ten times harder (Hypothesis profile "deep", tests/conftest.py): 1,000
# examples for every bad-input property instead of 100. Opt-in, several times make test-fast; before a release
# or after changing what a refusal accepts.
test-deep: $(DEV_STAMP)
	HYPOTHESIS_PROFILE=deep $(PY) -m pytest $(PYTEST_PARALLEL) -m "not e2e"

# Unit, AppTest and doctests without the browser (about a minute): for the edit-test loop.
test-fast: $(DEV_STAMP)
	@$(PY) -m pytest $(PYTEST_PARALLEL) -m "not e2e"; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "make test-fast: pytest collected no tests, failing" >&2; fi; \
	  exit $$rc

lint: lint-code lint-nginx

lint-code: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy calculators ui app.py benchmarks tests deploy
	@# the one-way rule (calculators never import ui or Streamlit; pure UI builders never Streamlit)
	$(VENV)/bin/lint-imports --no-cache
	@# the deployment files (deploy/): the image, the Kubernetes manifests (offline, strict), and
	@# nginx -t on the production nginx configuration and its loopback variant
	$(VENV)/bin/hadolint deploy/Containerfile
	$(PY) -m deploy.manifests

# nginx -t on the production nginx configuration and its loopback variant (needs Debian's nginx).
lint-nginx: $(DEV_STAMP) nginx
	@if [ "$${LEERWINST_SKIP_E2E:-0}" = 1 ]; then echo "nginx -t skipped (LEERWINST_SKIP_E2E=1)"; \
	  else $(PY) -m deploy.nginx_config; fi

bench: $(RUNTIME_STAMP)
	$(PY) -m benchmarks

# Opt-in, about 20 minutes: 1, 10 and 25 sessions at once on one local server, in Chromium and on
# the wire, paced and in a burst (benchmarks/load.py).
load: $(DEV_STAMP) chromium
	$(PY) -m benchmarks.load

# Opt-in, 15-25 s: PROCESSES app processes (default 2, the systemd unit's command line) behind
# nginx (deploy/nginx/leerwinst.conf, generated for loopback) on free loopback ports; checks spread,
# an upload and a download, a killed process and session affinity through the proxy, then stops
# every process it started by its pid (deploy/check.py). Exits non-zero on any failure.
PROCESSES ?= 2
deploy-check: $(DEV_STAMP) chromium nginx
	$(PY) -m deploy.check --processes $(PROCESSES)

# Opt-in, about a minute: SESSIONS wire sessions (default 100, paced; MODE=burst for all at once)
# through nginx to PROCESSES app processes; p50/p95, errors, CPU and memory per process
# (benchmarks/load_proxy.py).
SESSIONS ?= 100
MODE ?= paced
load-proxy: $(DEV_STAMP) nginx
	$(PY) -m benchmarks.load_proxy --processes $(PROCESSES) --sessions $(SESSIONS) --mode $(MODE)

# Debian packages, each installed only when it is missing; several at once share one `apt-get update`
# and one `apt-get install`. An argument is CHECK:PACKAGE, where CHECK is a command the package
# provides or (starting with /) a path it installs. --no-install-recommends: chromium alone would
# otherwise bring about a hundred packages (systemd, cups, avahi, perl) that no test uses, and
# double the install time.
define apt_install_missing
	@missing=""; for pair in $(1); do check="$${pair%%:*}"; package="$${pair##*:}"; \
	  case "$$check" in /*) [ -e "$$check" ] ;; \
	    *) command -v "$$check" >/dev/null 2>&1 || [ -x "/usr/sbin/$$check" ] ;; esac \
	  || missing="$$missing $$package"; \
	done; [ -z "$$missing" ] && exit 0; \
	echo "make: installing Debian packages:$$missing"; \
	$(APT_GET) update && $(APT_GET) install -y --no-install-recommends $$missing
endef
# chromium drives the browser tests (Playwright's own browser download does not work offline), with
# Liberation's fonts (metric twins of Arial and friends: the fallback of the charts' font list), which
# chromium only recommends; pdftoppm (poppler-utils) renders the PDF report's pages in its tests;
# nginx (and openssl, for the throw-away certificate of the TLS block) serves make deploy-check,
# make load-proxy and nginx -t. nginx runs as a process of ours with its own prefix and files; the
# system's service is never used. With LEERWINST_SKIP_E2E=1 no browser and no nginx are needed.
LIBERATION := /usr/share/fonts/truetype/liberation
BROWSER_PACKAGES := $(if $(filter 1,$(LEERWINST_SKIP_E2E)),,chromium:chromium $(LIBERATION):fonts-liberation)
NGINX_PACKAGES   := $(if $(filter 1,$(LEERWINST_SKIP_E2E)),,nginx:nginx openssl:openssl)
REPORT_PACKAGES  := pdftoppm:poppler-utils

system-packages:
	$(call apt_install_missing,$(BROWSER_PACKAGES) $(REPORT_PACKAGES) $(NGINX_PACKAGES))
chromium:
	$(call apt_install_missing,$(BROWSER_PACKAGES))
pdftoppm:
	$(call apt_install_missing,$(REPORT_PACKAGES))
nginx:
	$(call apt_install_missing,$(NGINX_PACKAGES))

# Debian's own python3 ships without the venv module; fetch it once if venv creation fails.
$(PY):
	$(PYTHON) -m venv $(VENV) || { echo "make: installing python3-venv"; \
	  $(APT_GET) update && $(APT_GET) install -y python3-venv && $(PYTHON) -m venv --clear $(VENV); }

# Reinstall only when a requirements or constraints file is newer than the stamp.
$(RUNTIME_STAMP): requirements.txt constraints.txt | $(PY)
	$(call install_requirements,requirements.txt)
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt constraints.txt | $(PY)
	$(call install_requirements,requirements-dev.txt)
	touch $@ $(RUNTIME_STAMP)

# After changing a pin in requirements*.txt: rebuild the lock from a clean venv.
constraints:
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	{ echo "# Full transitive lock of the dev venv (pip freeze). Regenerate with: make constraints"; \
	  $(PY) -m pip freeze --exclude-editable; } > constraints.txt
	touch $(RUNTIME_STAMP) $(DEV_STAMP)

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache .hypothesis test-results
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +
