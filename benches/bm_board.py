# Board game: connect-four on the standard 7x6 board, played by Monte Carlo
# players. Each move is chosen by running random playouts from every legal
# column and keeping the column with the best score. Randomness comes from a
# xorshift generator written here (deterministic, same on every interpreter).

COLS = 7
ROWS = 6
EMPTY = 0
DIRECTIONS = ((1, 0), (0, 1), (1, 1), (1, -1))


class XorShift:
    def __init__(self, seed):
        self.state = (seed & 0xFFFFFFFF) or 0x9E3779B9

    def next(self):
        x = self.state
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        self.state = x
        return x

    def below(self, n):
        return self.next() % n

    def choice(self, items):
        return items[self.next() % len(items)]


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (COLS * ROWS)
        self.heights = [0] * COLS
        self.moves = 0
        self.history = []

    def copy(self):
        other = Board()
        other.cells = self.cells[:]
        other.heights = self.heights[:]
        other.moves = self.moves
        return other

    def legal_moves(self):
        return [c for c in range(COLS) if self.heights[c] < ROWS]

    def full(self):
        return self.moves == COLS * ROWS

    def drop(self, col, player):
        row = self.heights[col]
        self.cells[row * COLS + col] = player
        self.heights[col] = row + 1
        self.moves += 1
        self.history.append(col)
        return row

    def undo(self):
        col = self.history.pop()
        row = self.heights[col] - 1
        self.cells[row * COLS + col] = EMPTY
        self.heights[col] = row
        self.moves -= 1

    def run_length(self, col, row, dc, dr, player):
        count = 0
        c = col + dc
        r = row + dr
        cells = self.cells
        while 0 <= c < COLS and 0 <= r < ROWS and cells[r * COLS + c] == player:
            count += 1
            c += dc
            r += dr
        return count

    def wins(self, col, row, player):
        for dc, dr in DIRECTIONS:
            line = 1 + self.run_length(col, row, dc, dr, player) \
                + self.run_length(col, row, -dc, -dr, player)
            if line >= 4:
                return True
        return False

    def winning_move(self, player):
        """A column where player wins at once, or None."""
        for col in self.legal_moves():
            row = self.heights[col]
            self.cells[row * COLS + col] = player
            won = self.wins(col, row, player)
            self.cells[row * COLS + col] = EMPTY
            if won:
                return col
        return None

    def render(self):
        marks = ".XO"
        lines = []
        for row in range(ROWS - 1, -1, -1):
            lines.append("".join(marks[self.cells[row * COLS + c]] for c in range(COLS)))
        return "\n".join(lines)


def other(player):
    return 3 - player


def playout(board, player, rng):
    """Play random moves from board with player to move; return the winner (0: draw)."""
    while not board.full():
        moves = board.legal_moves()
        col = rng.choice(moves)
        row = board.drop(col, player)
        if board.wins(col, row, player):
            return player
        player = other(player)
    return EMPTY


class MonteCarloPlayer:
    def __init__(self, name, player, playouts, seed):
        self.name = name
        self.player = player
        self.playouts = playouts
        self.rng = XorShift(seed)
        self.simulated = 0

    def choose(self, board):
        me = self.player
        win = board.winning_move(me)
        if win is not None:
            return win
        block = board.winning_move(other(me))
        if block is not None:
            return block
        best_col = None
        best_score = None
        for col in board.legal_moves():
            score = 0
            for _ in range(self.playouts):
                trial = board.copy()
                row = trial.drop(col, me)
                if trial.wins(col, row, me):
                    score += 2
                    continue
                result = playout(trial, other(me), self.rng)
                if result == me:
                    score += 2
                elif result == EMPTY:
                    score += 1
                self.simulated += 1
            # Prefer the centre on ties.
            score = score * 8 - abs(col - COLS // 2)
            if best_score is None or score > best_score:
                best_score = score
                best_col = col
        return best_col


def play_game(first, second):
    board = Board()
    players = {first.player: first, second.player: second}
    turn = first.player
    while not board.full():
        mover = players[turn]
        col = mover.choose(board)
        row = board.drop(col, turn)
        if board.wins(col, row, turn):
            return mover.name, board
        turn = other(turn)
    return "draw", board


def tournament():
    tally = {}
    transcript = []
    for game in range(4):
        a = MonteCarloPlayer("alpha", 1 + game % 2, 20, 1000 + game)
        b = MonteCarloPlayer("beta", 2 - game % 2, 16, 5000 + game * 3)
        first, second = (a, b) if a.player == 1 else (b, a)
        result, board = play_game(first, second)
        tally[result] = tally.get(result, 0) + 1
        transcript.append("".join(str(c) for c in board.history))
        print(f"game {game}: {result} after {board.moves} moves, "
              f"{a.simulated + b.simulated} playouts")
    print(board.render())
    return tally, transcript


tally, transcript = tournament()
print(sorted(tally.items()))
checksum = 0
for line in transcript:
    for ch in line:
        checksum = (checksum * 131 + ord(ch)) % 1000000007
print("checksum", checksum)
