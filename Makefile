# doithoai front door. Quick start: `make run` serves the demo commune at
# http://127.0.0.1:8080; `make test` builds the dev preset (ASan+UBSan) and
# runs every test, on SQLite and on a throwaway PostgreSQL cluster. PORT= and DB= override the defaults.
PORT ?= 8080
DB ?= var/doithoai.db
JOBS ?= $(shell nproc)

.PHONY: run test release format check-format bench clean tidy

run: release
	@if [ ! -f "$(DB)" ]; then build/release/doithoai init --db "$(DB)" --demo; fi
	@build/release/doithoai demo-logins
	@echo "Trang công khai: http://127.0.0.1:$(PORT)/   Đăng nhập cán bộ: http://127.0.0.1:$(PORT)/dang-nhap"
	build/release/doithoai serve --db "$(DB)" --listen 127.0.0.1:$(PORT)

release:
	scripts/install-deps.sh run
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

test:
	scripts/install-deps.sh test
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	scripts/check-format.sh
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)
	scripts/pg-test-cluster.sh run ctest --preset dev -j $(JOBS)

bench:
	scripts/install-deps.sh bench
	bench/run.sh
	bench/petitions.sh

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

check-format:
	scripts/check-format.sh

clean:
	rm -rf build

# clang-tidy over the project's sources (uses the dev build's compile_commands.json).
tidy:
	cmake --preset dev >/dev/null
	git ls-files 'src/*.cc' | xargs -P $(JOBS) -n 4 clang-tidy -p build/dev --quiet
