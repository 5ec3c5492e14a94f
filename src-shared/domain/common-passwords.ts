/**
 * A small bundled list of passwords people pick first (the head of public breach-corpus frequency lists,
 * plus words an ISP's staff are likely to reach for). Shipped in the repo — no download, works offline,
 * and the renderer's strength hint uses the same list as the server.
 *
 * Entries are lower-case letters only: the policy compares them with the password's letters (so
 * "Password2024!" and "p@ssw0rd" match "password"). FULL_COMMON_PASSWORDS are compared whole.
 */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  'password', 'passw', 'passwd', 'pass', 'passpass', 'passwordpassword', 'mypassword', 'newpassword', 'secretpassword',
  'iloveyou', 'iloveu', 'iloveme', 'loveyou', 'loveme', 'lovelove', 'mylove', 'lovely', 'lover', 'lovers', 'teamo',
  'princess', 'princesa', 'prince', 'rockyou', 'babygirl', 'babyboy', 'baby', 'sweety', 'sweetheart', 'sweetie', 'honey',
  'monkey', 'dragon', 'tiger', 'tigger', 'lion', 'eagle', 'shadow', 'master', 'killer', 'hunter', 'ranger', 'buster',
  'qwerty', 'qwertyuiop', 'qwertyui', 'qwert', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbn', 'zxcvbnm', 'qazwsx', 'qazwsxedc',
  'azerty', 'qwertz', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijkl', 'aaaaaa', 'zaq', 'zaqxsw',
  'sunshine', 'chocolate', 'butterfly', 'flower', 'purple', 'yellow', 'orange', 'silver', 'golden', 'summer', 'winter',
  'spring', 'autumn', 'soccer', 'football', 'baseball', 'basketball', 'softball', 'hockey', 'tennis', 'golfer', 'cricket',
  'liverpool', 'arsenal', 'chelsea', 'manchester', 'manutd', 'barcelona', 'realmadrid', 'juventus', 'gormahia', 'afcleopards',
  'michael', 'michelle', 'jessica', 'ashley', 'nicole', 'daniel', 'daniela', 'danielle', 'anthony', 'andrew', 'andrea',
  'jennifer', 'joshua', 'jordan', 'justin', 'hannah', 'amanda', 'charlie', 'samantha', 'elizabeth', 'jasmine', 'brandon',
  'melissa', 'matthew', 'robert', 'jonathan', 'vanessa', 'joseph', 'thomas', 'william', 'patrick', 'alexander', 'alexandra',
  'alexis', 'christian', 'christopher', 'jesus', 'jesuschrist', 'god', 'godisgood', 'blessed', 'blessing', 'faith', 'grace',
  'angel', 'angels', 'angela', 'destiny', 'forever', 'family', 'friends', 'friend', 'freedom', 'whatever', 'nothing',
  'computer', 'internet', 'network', 'hotspot', 'wifi', 'wireless', 'router', 'mikrotik', 'routeros', 'winbox', 'ubiquiti',
  'cisco', 'linux', 'windows', 'microsoft', 'google', 'facebook', 'youtube', 'twitter', 'instagram', 'whatsapp', 'yahoo',
  'admin', 'administrator', 'adminadmin', 'root', 'toor', 'login', 'logon', 'user', 'username', 'guest', 'test', 'tester',
  'testing', 'demo', 'default', 'changeme', 'changeit', 'welcome', 'welcomehome', 'letmein', 'access', 'secret', 'private',
  'security', 'secure', 'system', 'server', 'service', 'support', 'office', 'company', 'business', 'manager', 'account',
  'accounts', 'billing', 'cashier', 'finance', 'payment', 'payments', 'money', 'cash', 'mpesa', 'safaricom', 'airtel',
  'telkom', 'zuku', 'faiba', 'kenya', 'kenyan', 'nairobi', 'mombasa', 'kisumu', 'nakuru', 'eldoret', 'africa', 'uganda',
  'kampala', 'tanzania', 'ispdesk', 'isp', 'superman', 'batman', 'spiderman', 'ironman', 'starwars', 'pokemon', 'naruto',
  'spongebob', 'mickey', 'mickeymouse', 'snoopy', 'barbie', 'tinkerbell', 'hellokitty', 'pookie', 'poohbear', 'teddybear',
  'cookie', 'cookies', 'pepper', 'ginger', 'maggie', 'buddy', 'lucky', 'bailey', 'max', 'rocky', 'sparky', 'princess',
  'mustang', 'ferrari', 'porsche', 'mercedes', 'toyota', 'corvette', 'harley', 'yamaha', 'hello', 'helloworld', 'hi',
  'trustno', 'trustnoone', 'ninja', 'pirate', 'samurai', 'matrix', 'phoenix', 'legend', 'player', 'gamer', 'playboy',
  'hottie', 'sexy', 'beautiful', 'pretty', 'cutie', 'bubbles', 'tweety', 'eminem', 'junior', 'taylor', 'lauren', 'miguel',
  'estrella', 'sakura', 'adrian', 'iloveyousomuch', 'ihateyou', 'fuckyou', 'fuckoff', 'asshole', 'bitch', 'jordan',
  'correcthorsebatterystaple', 'correcthorse', 'letmeinplease', 'opensesame', 'passphrase', 'mypass', 'pass', 'pwd',
  'qwertyqwerty', 'asdfasdf', 'abcabc', 'abcdabcd', 'onetwothree', 'onetwothreefour', 'password', 'superstar', 'starlight',
  'moonlight', 'sunflower', 'rainbow', 'unicorn', 'diamond', 'crystal', 'treasure', 'wonderful', 'happiness', 'happy',
  'smile', 'dreams', 'dreamer', 'victory', 'winner', 'champion', 'success', 'america', 'london', 'paris', 'dubai',
] as const;

/** Whole passwords (lower-cased) that the letter rule above cannot catch: digits and keyboard walks. */
export const FULL_COMMON_PASSWORDS: readonly string[] = [
  '123456789012', '1234567890123', '12345678901234', '123456123456', '123123123123', '111111111111', '000000000000',
  '121212121212', '123321123321', '147258369147', '159753159753', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u', '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv', 'zaq12wsxcde3', 'qwerty123456', 'qwerty12345678', 'q1w2e3r4t5y6', 'a1b2c3d4e5f6', '0987654321qwerty',
  '1234qwerasdf', '1234qwerasdfzxcv', 'qweasdzxc123', '!qaz@wsx#edc', '!@#$%^&*()_+', '!@#$%^&*()12',
] as const;
